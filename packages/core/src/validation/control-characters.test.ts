import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCase } from "../case/load-case.js";
import { LimitExceededError } from "../limits/limit-exceeded-error.js";
import { NO_CONTROL_CHARACTERS, printable, printableDeep } from "./control-characters.js";
import { formatPath } from "./format-issues.js";
import { readDataFile } from "./read-data-file.js";

const dir = mkdtempSync(join(tmpdir(), "kyocho-validation-"));

describe("control characters", () => {
  it("are refused in a case's free text, by path; tabs and line breaks in the question are not", () => {
    expect(() => parseCase({ borrower: { name: "Acme\u001b[1A\u001b[2KDecision APPROVE", country: "JP" } })).toThrow(
      "case: borrower.name: must not contain control characters (escape sequences, bidirectional overrides)",
    );
    expect(() => parseCase({ counterparties: [{ name: "evil\u202egnp.exe", country: "JP", role: "target" }] })).toThrow(
      /counterparties\[0\]\.name: must not contain control characters/,
    );
    expect(() => parseCase({ question: "Can we\u0007 lend?" })).toThrow(/question: must not contain control/);
    expect(parseCase({ question: "Can we lend?\n\tTwo lines." }).question).toBe("Can we lend?\n\tTwo lines.");
    expect(NO_CONTROL_CHARACTERS.test("株式会社さくら不動産 — Sakura Real Estate")).toBe(true);
  });

  it("are shown, not obeyed, when text is printed", () => {
    expect(printable("Acme\u001b[31m\u009b\u202e")).toBe("Acme\\u001b[31m\\u009b\\u202e");
    expect(printable("line one\nline two\ttab")).toBe("line one\nline two\ttab");
    expect(printableDeep({ a: ["\u001b", 1, null], b: { c: "ok" } })).toEqual({ a: ["\\u001b", 1, null], b: { c: "ok" } });
  });

  it("in a key are quoted and escaped in a field path, which stays one line", () => {
    expect(formatPath(["fx", "hedges", 0, "currency"])).toBe("fx.hedges[0].currency");
    expect(formatPath(["experts", "lending", "rules", "LEN-LEV"])).toBe("experts.lending.rules.LEN-LEV");
    expect(formatPath(["borrower", "bad\nkey"])).toBe('borrower["bad\\nkey"]');
    expect(formatPath(["\u001b[2J"])).toBe('["\\u001b[2J"]');
    expect(formatPath(["a.b", ""])).toBe('["a.b"][""]');
    expect(() => parseCase({ borrower: { name: "A", country: "JP", "x\ny": 1 } })).toThrow('case: borrower["x\\ny"]: unknown key (not part of the schema)');
  });
});

describe("readDataFile", () => {
  it("refuses a file over the limit, and an endless one, without reading it whole", () => {
    const big = join(dir, "big.json");
    writeFileSync(big, `{"question": "${"x".repeat(2_000)}"}`);
    expect(() => readDataFile(big, "case file", { maxBytes: 1_000 })).toThrow(LimitExceededError);
    expect(() => readDataFile(big, "case file", { maxBytes: 1_000 })).toThrow(
      `case file ${big}: more than 1,000 bytes, over the limit of 1,000 (maxFileBytes; set KYOCHO_MAX_FILE_BYTES to change it)`,
    );
    expect(readDataFile(big, "case file", { maxBytes: 3_000 })).toMatchObject({ question: expect.any(String) });
    expect(() => readDataFile("/dev/zero", "case file", { maxBytes: 64 * 1024 })).toThrow(/maxFileBytes/);
  });

  it("says what is wrong with broken JSON in one printable line, though the parser quotes the file", () => {
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "borrower:\n  - [\u001b[2J");
    let message = "";
    try {
      readDataFile(broken, "case file");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^case file .*broken\.json: invalid JSON \(.*\)$/);
    expect(message).not.toMatch(/[\n\u001b]/);
  });

  it("refuses a YAML alias bomb and nesting too deep as bad input, not a crash", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? "*a" : `*l${i - 1}`)
          .join(",")}]`,
      );
    const bomb = join(dir, "bomb.yaml");
    writeFileSync(bomb, `${lines.join("\n")}\n`);
    expect(() => readDataFile(bomb, "case file")).toThrow(/^case file .*bomb\.yaml: invalid YAML \(.*(alias|resource exhaustion).*\)$/i);
    const deep = join(dir, "deep.yaml");
    writeFileSync(deep, `a: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`);
    expect(() => readDataFile(deep, "case file")).toThrow(/^case file .*deep\.yaml: invalid YAML/);
  });
});
