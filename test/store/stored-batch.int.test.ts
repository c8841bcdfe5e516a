import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { storeBackends } from "./helpers/store-backends.js";
import { REPO_ROOT, runCli } from "../helpers/run-cli.js";

// An overnight `kyocho batch` of every example case, stored on each back-end: one record per line, the ones needing a
// signature waiting in `history --status awaiting_signoff`, and re-runs that add nothing and undo no sign-off.
const stores = storeBackends("batch-store");
const { dir } = stores;
const CASES = readdirSync(join(REPO_ROOT, "examples/cases"))
  .filter((f) => f.endsWith(".yaml"))
  .sort();
const input = join(dir, "cases.jsonl");
writeFileSync(input, CASES.map((f) => JSON.stringify({ id: f.replace(/\.yaml$/, ""), caseFile: join(REPO_ROOT, "examples/cases", f) })).join("\n") + "\n");

const backends = stores.env;

afterAll(() => stores.drop());

interface Line {
  id: string;
  assessment: { id: string; signoff?: { status: string; required: { role: string } } };
}
interface Row {
  id: string;
  status: string;
  requestedBy: string;
}

describe.each(Object.entries(backends))("kyocho batch with the store on %s", (name, env) => {
  const out = join(dir, `${name}.jsonl`);
  const batch = () => runCli(["batch", input, "--out", out, "--quiet", "--requested-by", "tanaka"], { env });
  const history = (...args: string[]) => {
    const r = runCli(["history", "--json", ...args], { env });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Row[];
  };
  const lines = () =>
    readFileSync(out, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Line);

  it("stores one record per line, and leaves the ones that need a signature awaiting it", () => {
    const first = batch();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`stored ${CASES.length} new assessment record(s)`);
    const written = lines();
    expect(written.map((l) => l.id).sort()).toEqual(CASES.map((f) => f.replace(/\.yaml$/, "")));
    const all = history();
    expect(all.map((r) => r.id).sort()).toEqual(written.map((l) => l.assessment.id).sort());
    expect(new Set(all.map((r) => r.requestedBy))).toEqual(new Set(["tanaka"]));
    const awaiting = written.filter((l) => l.assessment.signoff?.status === "awaiting_signoff").map((l) => l.assessment.id);
    expect(awaiting.length).toBeGreaterThan(0);
    expect(awaiting.length).toBeLessThan(written.length);
    expect(
      history("--status", "awaiting_signoff")
        .map((r) => r.id)
        .sort(),
    ).toEqual(awaiting.sort());
  });

  it("adds no record on a re-run, nor when lines are assessed again, and keeps a sign-off that moved on", () => {
    const before = history().length;
    const again = batch();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("stored 0 new assessment record(s)");
    expect(history()).toHaveLength(before);

    // The morning: one awaiting assessment is returned; then its line and another are lost from --out and re-assessed.
    const written = lines();
    const [returned, other] = written.filter((l) => l.assessment.signoff?.status === "awaiting_signoff");
    const signed = runCli(
      ["signoff", returned!.assessment.id, "--as", "suzuki", "--role", returned!.assessment.signoff!.required.role, "--decision", "return", "--reason", "KYC"],
      { env },
    );
    expect(signed.code, signed.stderr).toBe(0);
    const kept = written.filter((l) => l !== returned && l !== other);
    writeFileSync(out, kept.map((l) => JSON.stringify(l)).join("\n") + "\n");
    const rerun = batch();
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain("2 assessed");
    expect(rerun.stderr).toContain("stored 0 new assessment record(s)");
    expect(history()).toHaveLength(before);
    const shown = JSON.parse(runCli(["show", returned!.assessment.id, "--json"], { env }).stdout) as { status: string; signoffs: unknown[] };
    expect(shown).toMatchObject({ status: "returned", signoffs: [{ signer: "suzuki", decision: "return", reason: "KYC" }] });
    expect(history("--status", "awaiting_signoff").map((r) => r.id)).toContain(other!.assessment.id);
  });

  it("keeps nothing with --no-store", () => {
    const before = history().length;
    const off = runCli(["batch", input, "--out", join(dir, `${name}-off.jsonl`), "--quiet", "--no-store"], { env });
    expect(off.code, off.stderr).toBe(0);
    expect(off.stderr).not.toContain("stored");
    expect(history()).toHaveLength(before);
  });
});
