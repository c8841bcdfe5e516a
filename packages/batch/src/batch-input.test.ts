import { describe, expect, it } from "vitest";
import { parseCase, UserInputError, type Case } from "@kyocho/core";
import { batchKey, parseBatchLine, type BatchLineContext } from "./batch-input.js";

const context: BatchLineContext = {
  baseDir: "/data/batch",
  parseCase: (raw, source) => parseCase(raw, { source }),
  loadCaseFile: (path) => {
    if (path === "/data/batch/cases/deal.json") return { borrower: { name: "Acme", country: "JP" }, question: "From the file?" } as Case;
    throw new UserInputError("file not found", { source: `case file ${path}`, code: "FILE_UNREADABLE" });
  },
};

describe("parseBatchLine", () => {
  it("reads a question with an inline case", () => {
    const item = parseBatchLine(JSON.stringify({ id: "q1", question: " Can we lend? ", case: { borrower: { name: "Acme", country: "JP" } } }), 1, context);
    expect(item).toMatchObject({ id: "q1", line: 1, question: "Can we lend?", case: { borrower: { name: "Acme" } } });
  });

  it("reads a case file relative to the input, and takes its question when the line has none", () => {
    expect(parseBatchLine(JSON.stringify({ id: 7, caseFile: "cases/deal.json" }), 3, context)).toMatchObject({ id: 7, question: "From the file?" });
  });

  it("turns a bad line into an error that names the line and the field", () => {
    expect(parseBatchLine("{oops", 4, context)).toMatchObject({ id: 4, error: { code: "BAD_LINE", message: expect.stringMatching(/^line 4: invalid JSON/) } });
    expect(parseBatchLine(JSON.stringify({ question: "no id" }), 5, context)).toMatchObject({
      id: 5,
      error: { message: "line 5: id: missing (every line needs an id)" },
    });
    expect(parseBatchLine(JSON.stringify({ id: "q", qestion: "typo" }), 6, context)).toMatchObject({
      id: "q",
      error: { message: "line 6: qestion: unknown key (not part of the schema)" },
    });
    expect(parseBatchLine(JSON.stringify({ id: "q", case: { facility: { amount: -1 } } }), 8, context)).toMatchObject({
      id: "q",
      error: { code: "BAD_INPUT", message: expect.stringMatching(/^line 8: case: facility\./) },
    });
    expect(parseBatchLine(JSON.stringify({ id: "q", caseFile: "missing.yaml" }), 9, context)).toMatchObject({
      error: { code: "FILE_UNREADABLE", message: "line 9: case file /data/batch/missing.yaml: file not found" },
    });
    expect(parseBatchLine(JSON.stringify({ id: "q", case: {}, caseFile: "x" }), 10, context)).toMatchObject({
      error: { message: "line 10: give case or caseFile, not both" },
    });
    expect(parseBatchLine(JSON.stringify({ id: "q" }), 11, context)).toMatchObject({ error: { message: expect.stringMatching(/give a question/) } });
    expect(parseBatchLine("[1,2]", 12, context)).toMatchObject({ id: 12, error: { code: "BAD_LINE" } });
  });

  it('keys ids by type: 7 and "7" are different', () => {
    expect(batchKey(7)).not.toBe(batchKey("7"));
  });
});
