import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBatchLines, type BatchLine } from "./batch-lines.js";

const dir = mkdtempSync(join(tmpdir(), "kyocho-batch-lines-"));
async function lines(text: string | Buffer, maxLineBytes = 1_000): Promise<BatchLine[]> {
  const path = join(dir, `f-${Math.random()}.jsonl`);
  writeFileSync(path, text);
  const out: BatchLine[] = [];
  for await (const entry of readBatchLines(path, { maxLineBytes })) out.push(entry);
  return out;
}

describe("readBatchLines", () => {
  it("splits on \\n, drops a trailing \\r and a leading byte-order mark, numbers every line", async () => {
    expect(await lines('\uFEFF{"id":1}\r\n\n{"id":2}')).toEqual([
      { line: 1, text: '{"id":1}' },
      { line: 2, text: "" },
      { line: 3, text: '{"id":2}' },
    ]);
    expect(await lines("")).toEqual([]);
    expect(await lines("a\n")).toEqual([{ line: 1, text: "a" }]);
  });

  it("reports a line over the limit by its size only, and goes on", async () => {
    const long = "x".repeat(5_000);
    expect(await lines(`a\n${long}\nb\n${"y".repeat(1_000)}\n`, 1_000)).toEqual([
      { line: 1, text: "a" },
      { line: 2, tooLongBytes: 5_000 },
      { line: 3, text: "b" },
      { line: 4, text: "y".repeat(1_000) },
    ]);
  });

  it("measures bytes, and keeps multi-byte characters whole across chunks", async () => {
    const japanese = "与信稟議".repeat(30_000); // 360,000 bytes: several read chunks
    expect(await lines(`${japanese}\n`, 400_000)).toEqual([{ line: 1, text: japanese }]);
    expect(await lines(`${japanese}\n`, 359_999)).toEqual([{ line: 1, tooLongBytes: 360_000 }]);
  });
});
