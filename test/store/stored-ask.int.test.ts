import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { cliEnv } from "../helpers/cli-env.js";
import { storeBackends } from "./helpers/store-backends.js";
import { runCli } from "../helpers/run-cli.js";

const CASE_FILE = "examples/cases/acquisition-finance.yaml";
const BIN = fileURLToPath(new URL("../../packages/cli/bin/kyocho.js", import.meta.url));
const stores = storeBackends("stored-ask");
const { dir } = stores;

const backends = stores.env;
/** Each back-end's record of the same `ask`, compared at the end. */
const records: Record<string, unknown> = {};

afterAll(() => stores.drop());

describe.each(Object.entries(backends))("kyocho ask, history and show on %s", (name, env) => {
  it("stores the assessment with who asked; history lists it, show prints it", () => {
    const asked = runCli(["ask", "--case", CASE_FILE, "--json", "--requested-by", "sato"], { env });
    expect(asked.code, asked.stderr).toBe(0);
    const printed = JSON.parse(asked.stdout) as { id: string; decision: string; rating: string };
    expect(asked.stderr).toContain(`kyocho: stored assessment ${printed.id} (awaiting_signoff)`);

    const listed = runCli(["history", "--json"], { env });
    expect(listed.code, listed.stderr).toBe(0);
    const [record, ...others] = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    expect(others).toEqual([]);
    expect(record).toMatchObject({
      id: printed.id,
      status: "awaiting_signoff",
      decision: printed.decision,
      rating: printed.rating,
      requestedBy: "sato",
      policy: { id: "reference-v2" },
    });
    expect(record!.caseSha256).toMatch(/^[0-9a-f]{64}$/);
    // The case is the customer's: the record names it by hash and keeps no copy beside the assessment.
    expect(record).not.toHaveProperty("case");
    const { createdAt: _c, updatedAt: _u, ...timeless } = record!;
    records[name] = timeless;

    const table = runCli(["history"], { env });
    expect(table.stdout.split("\n")[0]).toMatch(/^ID\s+REQUESTED \(UTC\)\s+STATUS\s+DECISION\s+RATING\s+BY\s+QUESTION$/);
    expect(table.stdout).toContain(`${printed.id}  `);
    expect(JSON.parse(runCli(["history", "--status", "approved", "--json"], { env }).stdout)).toEqual([]);
    expect(JSON.parse(runCli(["history", "--since", "2999-01-01", "--json"], { env }).stdout)).toEqual([]);

    const shown = runCli(["show", printed.id, "--json"], { env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: printed.id, status: "awaiting_signoff", signoffs: [], assessment: printed });

    // The same command again: the stored assessment, not a second record.
    const again = runCli(["ask", "--case", CASE_FILE, "--json"], { env });
    expect(again.stderr).toContain(`assessment ${printed.id} is already stored (awaiting_signoff)`);
    expect(JSON.parse(again.stdout)).toEqual(printed);
    expect(JSON.parse(runCli(["history", "--json"], { env }).stdout)).toHaveLength(1);
  });

  it("refuses bad input with exit 2 and one line naming it", () => {
    expect(runCli(["show", "a-none"], { env })).toMatchObject({ code: 2, stderr: "kyocho: no assessment a-none\n" });
    expect(runCli(["resume", "a-none"], { env })).toMatchObject({ code: 2, stderr: "kyocho: no assessment a-none\n" });
    const since = runCli(["history", "--since", "last week"], { env });
    expect(since).toMatchObject({ code: 2, stderr: 'kyocho: --since: "last week" is not a date (YYYY-MM-DD) or ISO 8601 time\n' });
  });
});

describe("where kyocho ask stores", () => {
  it("keeps the same record on SQLite and PostgreSQL", () => {
    expect(records.postgres).toEqual(records.sqlite);
  });

  it("by default in .kyocho/kyocho.db under the working directory; nothing with --no-store or KYOCHO_STORE=off", () => {
    const cwd = mkdtempSync(join(dir, "cwd-"));
    const run = (args: string[], env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [BIN, ...args], { cwd, env: cliEnv(env), encoding: "utf8" });
    const caseFile = fileURLToPath(new URL(`../../${CASE_FILE}`, import.meta.url));
    expect(run(["ask", "--case", caseFile, "-q", "--no-store"], { KYOCHO_STORE: undefined }).status).toBe(0);
    expect(run(["ask", "--case", caseFile, "-q"], { KYOCHO_STORE: "off" }).status).toBe(0);
    expect(existsSync(join(cwd, ".kyocho"))).toBe(false);
    expect(run(["ask", "--case", caseFile, "-q"], { KYOCHO_STORE: undefined }).status).toBe(0);
    expect(existsSync(join(cwd, ".kyocho", "kyocho.db"))).toBe(true);
    expect(run(["history", "--json"], { KYOCHO_STORE: undefined }).stdout).toContain('"status": "awaiting_signoff"');
  });

  it("a bad KYOCHO_DATABASE_URL is exit 2 naming it", () => {
    expect(runCli(["history"], { env: { KYOCHO_STORE: undefined, KYOCHO_DATABASE_URL: "mysql://db/kyocho" } })).toMatchObject({
      code: 2,
      stderr: "kyocho: KYOCHO_DATABASE_URL: must be a postgres:// or postgresql:// URL\n",
    });
  });
});
