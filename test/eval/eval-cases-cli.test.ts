import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestModelServer } from "@kyocho/testing";
import { startScriptedEvalEndpoint } from "../../examples/support/scripted-endpoint.js";
import { runCliAsync } from "../helpers/run-cli-async.js";
import { runCli } from "../helpers/run-cli.js";

describe("kyocho eval cases", () => {
  it("scores every case with an expected result: the table, and exit 0", () => {
    const r = runCli(["eval", "cases", "examples/cases"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Cases: examples\/cases \(34 with expected results, embedded\)/);
    expect(r.stdout).toContain("  decision accuracy  1.000  (34/34)");
    expect(r.stdout).toContain("  rating accuracy    1.000  (34/34)");
    expect(r.stdout).toMatch(/response time {6}mean [\d.]+ ms {2}p95 [\d.]+ ms/);
    // Two cases expect a leverage finding (distressed-negative-ebitda, ringi-ja); v2 measures net leverage.
    expect(r.stdout).toMatch(/^ {2}LEN-LEV +2 +2 +1\.000 +1\.000$/m);
    expect(r.stdout).toContain("Every case matched its expected result.");
  });

  it("--json for machines; --min-accuracy exits 1 and says so when a case is decided otherwise than expected", () => {
    const dir = mkdtempSync(join(tmpdir(), "kyocho-eval-cases-"));
    for (const name of ["clean-domestic-term-loan", "ringi-ja"]) {
      cpSync(`examples/cases/${name}.yaml`, join(dir, `${name}.yaml`));
      cpSync(`examples/cases/${name}.expected.json`, join(dir, `${name}.expected.json`));
    }
    // A wrong oracle: the council will escalate, the file says approve.
    const file = join(dir, "ringi-ja.expected.json");
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), decision: "approve" }));
    cpSync("examples/cases/markets-book.yaml", join(dir, "no-expected.yaml"));

    const json = runCli(["eval", "cases", dir, "--json"]);
    expect(json.code, json.stderr).toBe(0);
    const e = JSON.parse(json.stdout);
    expect(e).toMatchObject({ configuration: "embedded", cases: 2, decisionAccuracy: 0.5, ratingAccuracy: 1, passed: true });
    expect(e.mismatches).toEqual([{ name: "ringi-ja", decision: { expected: "approve", actual: "escalate" }, missed: [], extra: [] }]);

    const floor = runCli(["eval", "cases", dir, "--min-accuracy", "0.9"]);
    expect(floor.code).toBe(1);
    expect(floor.stderr).toContain("kyocho: decision accuracy 0.500 is below the floor 0.9 (--min-accuracy)");
    expect(floor.stdout).toContain("  ringi-ja: decision escalate, expected approve");
    expect(runCli(["eval", "cases", dir, "--min-accuracy", "0.5"]).code).toBe(0);
  });

  it("refuses bad input with exit 2: a missing folder, a bad floor, a bad expected file", () => {
    expect(runCli(["eval", "cases", "no/such/dir"]).stderr).toMatch(/^kyocho: case directory no\/such\/dir: not found/);
    const floor = runCli(["eval", "cases", "examples/cases", "--min-accuracy", "1.5"]);
    expect(floor.code).toBe(2);
    expect(floor.stderr).toMatch(/--min-accuracy: "1.5" is not a number from 0 to 1/);
    const dir = mkdtempSync(join(tmpdir(), "kyocho-eval-bad-"));
    cpSync("examples/cases/ringi-ja.yaml", join(dir, "ringi-ja.yaml"));
    writeFileSync(join(dir, "ringi-ja.expected.json"), JSON.stringify({ rating: "high" }));
    const bad = runCli(["eval", "cases", dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected-result file .*ringi-ja\.expected\.json: decision: /);
  });
});

describe("kyocho eval cases --compare", () => {
  let endpoint: TestModelServer;
  beforeAll(async () => {
    endpoint = await startScriptedEvalEndpoint({ thinkingMs: 20, fastMs: 2 });
  });
  afterAll(async () => {
    await endpoint?.close();
  });

  it("puts embedded and the model with reasoning false/true, with and without context, side by side", async () => {
    const r = await runCliAsync(["eval", "cases", "examples/cases", "--compare", "--compare-endpoint", endpoint.baseURL, "--min-accuracy", "0.9"]);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Cases: examples/cases (34 with expected results), 5 configurations");
    expect(lines[1]).toMatch(/^configuration \| reasoning \| context \| +accuracy \| mean response time$/);
    const rows = lines.slice(3, 8).map((line) => line.split("|").map((cell) => cell.trim()));
    expect(rows.map(([name, reasoning, context, accuracy]) => [name, reasoning, context, accuracy])).toEqual([
      ["embedded", "–", "–", "1.000 (34/34)"],
      // The scripted endpoint agrees with the rules when it is shown the passages, and over-flags without them
      // unless it reasons; it answers later when it reasons.
      ["model", "false", "true", "1.000 (34/34)"],
      // Thirteen cases are approvals, which its unsupported high finding turns into escalations: advisory-ja,
      // bullet-balloon, clean-domestic-term-loan, collateral-haircuts, group-exposure-lex, issuer-spellings,
      // kyc-refresh-due, natural-hedge, over-hedge, pay-fixed-swap, refinancing-term-out, usd-bond-underwriting,
      // usd-loan-usd-earner. 21/34 = 0.618.
      ["model", "false", "false", "0.618 (21/34)"],
      ["model", "true", "true", "1.000 (34/34)"],
      ["model", "true", "false", "1.000 (34/34)"],
    ]);
    const mean = (row: string[]) => Number(/^([\d.]+) ms$/.exec(row[4]!)![1]);
    expect(mean(rows[3]!)).toBeGreaterThan(mean(rows[1]!));
    // One configuration is below the floor: exit 1, and stderr names it.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("kyocho: decision accuracy 0.618 (model, reasoning false, context false) is below the floor 0.9 (--min-accuracy)");

    // What went over the wire: the thinking switch both ways, and no passages in the without-context arms.
    const bodies = endpoint.requests.filter((q) => q.path.endsWith("/chat/completions")).map((q) => q.body);
    expect(new Set(bodies.map((b) => b.chat_template_kwargs.enable_thinking))).toEqual(new Set([false, true]));
    const empty = bodies.filter((b) => /<data name="passages">\n\[\]\n<\/data>/.test(b.messages[1].content)).length;
    expect(empty).toBeGreaterThan(0);
    expect(empty).toBeLessThan(bodies.length);
  }, 60_000);
});
