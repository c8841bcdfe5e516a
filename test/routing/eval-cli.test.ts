import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

// `kyocho eval routing` as a user runs it: the built CLI in its own process.

const dir = mkdtempSync(join(tmpdir(), "kyocho-eval-"));
const write = (name: string, lines: unknown[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n"));
  return path;
};
const small = write("small.jsonl", [
  { id: "a", question: "Does yen weakness threaten this borrower's covenant?", experts: ["fx", "lending"] },
  { id: "b", question: "Is the guarantor on the OFAC list?", experts: ["legal", "lending"] },
  { id: "c", question: "", case: { schemaVersion: 2, markets: { positions: [{ id: "p", issuer: "X", kind: "bond", marketValue: 1 }] } }, experts: ["markets"] },
]);

describe("kyocho eval routing", () => {
  it("prints precision, recall and the misses", () => {
    const r = runCli(["eval", "routing", small]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/precision 1\.000 +\(4\/4 routed experts were expected\)/);
    expect(r.stdout).toMatch(/recall +0\.800 +\(4\/5 expected experts were routed\)/);
    expect(r.stdout).toMatch(/Misses \(1 line\)\n +b +missed: lending\n +"Is the guarantor on the OFAC list\?"/);
  });

  it("prints JSON for machines with --json", () => {
    const r = runCli(["eval", "routing", small, "--json", "--min-recall", "0.8"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ lines: 3, precision: 1, truePositives: 4, falseNegatives: 1, floors: { recall: 0.8 }, passed: true, planners: ["embedded"] });
    expect(out.misses).toEqual([{ id: "b", line: 2, question: "Is the guarantor on the OFAC list?", missed: ["lending"], extra: [] }]);
    expect(out.outcomes).toHaveLength(3);
  });

  it("exits 1 and says so when a floor is not met", () => {
    const r = runCli(["eval", "routing", small, "--min-recall", "0.95", "--min-precision", "0.9"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe("kyocho: recall 0.800 is below the floor 0.95 (--min-recall)");
    const json = runCli(["eval", "routing", small, "--json", "--min-recall", "0.95"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).passed).toBe(false);
  });

  it("meets the dev set's floors on the shipped set", () => {
    const r = runCli(["eval", "routing", "examples/eval/routing.jsonl", "--min-recall", "0.95", "--min-precision", "0.9"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it.each([
    ["broken-json.jsonl", [{ id: "a", question: "q", experts: ["fx"] }, "{ not json"], /line 2: not valid JSON/],
    ["unknown-expert.jsonl", [{ id: "a", question: "q", experts: ["fx", "esg"] }], /line 1: experts\[1\]: unknown expert "esg"/],
    ["missing-experts.jsonl", [{ id: "a", question: "q" }], /line 1: experts: /],
    ["bad-case.jsonl", [{ id: "a", question: "q", case: { schemaVersion: 2, facility: { type: "loan" } }, experts: ["fx"] }], /line 1: case: facility\.type: /],
    [
      "v1-case.jsonl",
      [{ id: "a", question: "q", case: { markets: { positions: [] } }, experts: ["markets"] }],
      /line 1: case: schemaVersion: missing: this is a v1 case file; convert it with kyocho migrate case/,
    ],
    [
      "v1-fx-exposures.jsonl",
      [{ id: "a", question: "q", case: { schemaVersion: 2, fx: { exposures: [{ currency: "USD", amount: 1, tenorYears: 1 }] } }, experts: ["fx"] }],
      /line 1: case: fx\.exposures: /,
    ],
  ])("exits 2 on a bad line, naming the line and the field (%s)", (name, lines, message) => {
    const r = runCli(["eval", "routing", write(name, lines)]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^kyocho: routing set .*${name} ${message.source}`));
  });

  it("exits 2 on a missing file and on a floor that is not a ratio", () => {
    expect(runCli(["eval", "routing", join(dir, "nope.jsonl")])).toMatchObject({ code: 2, stderr: expect.stringMatching(/nope\.jsonl: file not found/) });
    expect(runCli(["eval", "routing", small, "--min-recall", "high"])).toMatchObject({
      code: 2,
      stderr: 'kyocho: --min-recall: "high" is not a number from 0 to 1 (e.g. 0.95)\n',
    });
  });
});
