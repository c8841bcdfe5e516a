import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCase } from "@kyocho/core";
import { UserInputError } from "@kyocho/core";
import { loadCaseSet } from "./case-set.js";

const parse = (raw: unknown, source: string) => parseCase(raw, { source });
const expected = { rating: "low", decision: "approve", incomplete: false, findings: [], experts: { legal: "ok" }, metrics: {} };

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), "kyocho-case-set-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

describe("loadCaseSet", () => {
  it("reads YAML and JSON cases in name order, each with its expected result when there is one", () => {
    const d = dir({
      "b.yaml": "id: b\nquestion: Can we lend?\n",
      "a.json": JSON.stringify({ id: "a" }),
      "a.expected.json": JSON.stringify(expected),
      "notes.txt": "not a case",
    });
    const cases = loadCaseSet(d, { parseCase: parse });
    expect(cases.map((c) => [c.name, c.question, c.expected?.decision])).toEqual([
      ["a", "", "approve"],
      ["b", "Can we lend?", undefined],
    ]);
    expect(cases[0]!.expected?.metrics).toEqual({});
  });

  it("names the file and the field of a bad expected result", () => {
    const d = dir({ "a.yaml": "id: a\n", "a.expected.json": JSON.stringify({ ...expected, decision: "maybe" }) });
    expect(() => loadCaseSet(d, { parseCase: parse })).toThrow(/expected-result file .*a\.expected\.json: decision: /);
  });

  it("names the case file of a bad case", () => {
    const d = dir({ "a.yaml": "id: a\nfacility: { amount: -1 }\n" });
    expect(() => loadCaseSet(d, { parseCase: parse })).toThrow(/case file .*a\.yaml: facility/);
  });

  it("refuses a directory that does not exist, or a file", () => {
    expect(() => loadCaseSet("/no/such/dir", { parseCase: parse })).toThrow(UserInputError);
    const d = dir({ "a.yaml": "id: a\n" });
    expect(() => loadCaseSet(join(d, "a.yaml"), { parseCase: parse })).toThrow(/is not a directory/);
  });
});
