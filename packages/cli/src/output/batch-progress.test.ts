import { describe, expect, it } from "vitest";
import type { BatchSummary } from "@kyocho/batch";
import { formatBatchSummary } from "./batch-progress.js";

const summary = (over: Partial<BatchSummary>): BatchSummary => ({
  total: 10,
  handled: 10,
  assessed: 8,
  failed: 2,
  skipped: 0,
  duplicates: 0,
  unfinished: 0,
  running: 0,
  elapsedMs: 2_000,
  interrupted: false,
  output: "/x/out.jsonl",
  ...over,
});

describe("formatBatchSummary", () => {
  it("says what was done, how fast, and where", () => {
    expect(formatBatchSummary(summary({}), "out.jsonl")).toBe("kyocho: batch done: 8 assessed, 2 failed in 2.0 s (5.0 lines/s) → out.jsonl\n");
  });

  it("mentions resumed, duplicate and unfinished lines, and how to resume", () => {
    const line = formatBatchSummary(summary({ skipped: 5, duplicates: 1, unfinished: 2, interrupted: true }), "out.jsonl");
    expect(line).toMatch(
      /^kyocho: batch interrupted: 8 assessed, 2 failed, 5 already in the output, 1 duplicate id\(s\) skipped, 2 not finished \(re-run to retry\)/,
    );
    expect(line).toMatch(/run the same command again to resume\n$/);
  });
});
