import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InternalError, parseCase, UserInputError } from "@kyocho/core";
import type { BatchItem } from "./batch-input.js";
import { countBatchLines, runBatch, type BatchRunOptions } from "./batch-runner.js";
import { QueueError } from "@kyocho/queue";

const dir = mkdtempSync(join(tmpdir(), "kyocho-batch-runner-"));
let n = 0;
const files = (lines: string[]) => {
  n++;
  const input = join(dir, `in-${n}.jsonl`);
  writeFileSync(input, lines.join("\n") + "\n");
  return { input, output: join(dir, `out-${n}.jsonl`) };
};
const questions = (count: number) => Array.from({ length: count }, (_, i) => JSON.stringify({ id: `q${i}`, question: `Question ${i}?` }));
const readOut = (path: string) =>
  readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string | number; assessment?: { answer: string }; error?: { code: string; message: string } });
const base = (paths: { input: string; output: string }): Omit<BatchRunOptions<{ answer: string }>, "assess"> => ({
  ...paths,
  parseCase: (raw, source) => parseCase(raw, { source }),
});

describe("runBatch", () => {
  it("writes one line per input line, assessments and bad lines alike", async () => {
    const paths = files([...questions(5), "{broken", "", JSON.stringify({ id: "bad", case: { facility: { amount: -1 } } })]);
    const summary = await runBatch({ ...base(paths), assess: async (item) => ({ answer: `A to ${item.question}` }) });
    expect(summary).toMatchObject({ total: 7, handled: 7, assessed: 5, failed: 2, skipped: 0, duplicates: 0, interrupted: false });
    const out = readOut(paths.output);
    expect(out).toHaveLength(7);
    expect(out.find((r) => r.id === "q3")!.assessment).toEqual({ answer: "A to Question 3?" });
    expect(out.find((r) => r.id === 6)!.error!.message).toMatch(/^line 6: invalid JSON/);
    expect(out.find((r) => r.id === "bad")!.error!.code).toBe("BAD_INPUT");
  });

  it("keeps at most `concurrency` assessments in flight", async () => {
    const paths = files(questions(40));
    let running = 0;
    let peak = 0;
    await runBatch({
      ...base(paths),
      concurrency: 6,
      assess: async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return { answer: "ok" };
      },
    });
    expect(peak).toBe(6);
    expect(readOut(paths.output)).toHaveLength(40);
  });

  it("resumes: a re-run skips the ids already written and never writes an id twice", async () => {
    const paths = files(questions(30));
    const controller = new AbortController();
    let calls = 0;
    const first = await runBatch({
      ...base(paths),
      concurrency: 4,
      signal: controller.signal,
      assess: async (item) => {
        if (++calls === 10) controller.abort();
        await new Promise((r) => setTimeout(r, 2));
        return { answer: item.question };
      },
    });
    expect(first.interrupted).toBe(true);
    const written = readOut(paths.output).length;
    expect(written).toBeGreaterThanOrEqual(10);
    expect(written).toBeLessThan(30);

    const seen: string[] = [];
    const second = await runBatch({ ...base(paths), assess: async (item) => (seen.push(String(item.id)), { answer: item.question }) });
    expect(second).toMatchObject({ skipped: written, assessed: 30 - written, interrupted: false });
    const ids = readOut(paths.output).map((r) => r.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(seen).toHaveLength(30 - written);
  });

  it("skips an id repeated in the input, with a warning", async () => {
    const paths = files([JSON.stringify({ id: "x", question: "one" }), JSON.stringify({ id: "x", question: "two" })]);
    const warnings: string[] = [];
    const summary = await runBatch({ ...base(paths), onWarning: (w) => warnings.push(w), assess: async (item) => ({ answer: item.question }) });
    expect(summary).toMatchObject({ assessed: 1, duplicates: 1 });
    expect(readOut(paths.output)).toEqual([{ id: "x", assessment: { answer: "one" } }]);
    expect(warnings.join()).toMatch(/line 2: id "x" appeared on an earlier line/);
  });

  it("writes a failed assessment as an error, but leaves out a retryable failure for the next run", async () => {
    const paths = files(questions(3));
    const summary = await runBatch({
      ...base(paths),
      isRetryable: (e) => e instanceof QueueError,
      assess: async (item: BatchItem) => {
        if (item.id === "q0") throw new InternalError("merge exploded");
        if (item.id === "q1") throw new QueueError("QUEUE_FAILURE", "fx: QUEUE_TIMEOUT");
        return { answer: "fine" };
      },
    });
    expect(summary).toMatchObject({ assessed: 1, failed: 1, unfinished: 1 });
    const out = readOut(paths.output);
    expect(out.map((r) => r.id).sort()).toEqual(["q0", "q2"]);
    expect(out.find((r) => r.id === "q0")!.error).toEqual({ code: "INTERNAL", message: "line 1: merge exploded" });
  });

  it("refuses a missing input file, or writing over the input, before anything runs", async () => {
    await expect(
      runBatch({ input: join(dir, "nope.jsonl"), output: join(dir, "o.jsonl"), parseCase: () => ({}) as never, assess: async () => ({}) }),
    ).rejects.toThrow(/input file .*nope\.jsonl: file not found/);
    const paths = files(questions(1));
    await expect(runBatch({ ...base(paths), output: paths.input, assess: async () => ({ answer: "" }) })).rejects.toThrow(UserInputError);
  });

  it("counts non-blank lines without loading the file", async () => {
    const paths = files(["a", "", "  ", "b", "c"]);
    expect(await countBatchLines(paths.input)).toBe(3);
    writeFileSync(paths.input, "x\ny");
    expect(await countBatchLines(paths.input)).toBe(2);
  });
});
