import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BatchOutputWriter, readExistingOutput } from "./batch-output.js";

const dir = mkdtempSync(join(tmpdir(), "kyocho-batch-output-"));

describe("batch output", () => {
  it("a missing file holds nothing", async () => {
    expect((await readExistingOutput(join(dir, "none.jsonl"))).done.size).toBe(0);
  });

  it("appends one JSON line per record and reads the ids back", async () => {
    const path = join(dir, "out.jsonl");
    const out = new BatchOutputWriter(path);
    out.write({ id: "q1", assessment: { rating: "low" } });
    out.write({ id: 7, error: { code: "BAD_LINE", message: "line 7: invalid JSON" } });
    out.close();
    expect(readFileSync(path, "utf8").split("\n")).toHaveLength(3);
    expect(statSync(path).mode & 0o777).toBe(0o600); // the assessments hold customer data
    const existing = await readExistingOutput(path);
    expect([...existing.done].sort()).toEqual(['"q1"', "7"]);
    expect(existing).toMatchObject({ unreadable: 0, repaired: false });
  });

  it("cuts off a torn last line (a crash mid-write), so its id runs again", async () => {
    const path = join(dir, "torn.jsonl");
    writeFileSync(path, `${JSON.stringify({ id: "a", assessment: {} })}\n${JSON.stringify({ id: "b", assessment: {} })}\n{"id":"c","assess`);
    const existing = await readExistingOutput(path);
    expect(existing.repaired).toBe(true);
    expect([...existing.done].sort()).toEqual(['"a"', '"b"']);
    expect(readFileSync(path, "utf8").endsWith("}\n")).toBe(true);
    appendFileSync(path, "");
  });

  it("counts lines that are not records, and leaves them", async () => {
    const path = join(dir, "junk.jsonl");
    writeFileSync(path, `not json\n${JSON.stringify({ nothing: 1 })}\n${JSON.stringify({ id: "x", assessment: {} })}\n`);
    expect(await readExistingOutput(path)).toMatchObject({ unreadable: 2, repaired: false });
  });
});
