import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@kyocho/core/limits";
import { readDataFile } from "@kyocho/core/validation";
import type { Assessment } from "@kyocho/core";
import { createReferenceCouncil } from "@kyocho/reference-council";
import { createRedisConnection, QueueExecutor } from "@kyocho/queue";
import { REPO_ROOT, runCli } from "../helpers/run-cli.js";
import { EXAMPLE_CASE } from "../queue/helpers/batch-files.js";

// The input limits, end to end: each refusal names the field, the size, the limit and the variable that
// raises it (exit 2, one line, no stack), and a raised limit lets the same input through.
const dir = mkdtempSync(join(tmpdir(), "kyocho-limits-"));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function expectLimit(args: string[], pattern: RegExp, env: NodeJS.ProcessEnv = {}) {
  const r = runCli(args, { env });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const book = (n: number) => ({
  schemaVersion: 2,
  markets: {
    positions: Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      issuer: `Issuer ${i % 7}`,
      kind: "bond",
      marketValue: 1_000_000,
      modifiedDuration: 4,
      adv: 5_000_000,
    })),
  },
});

describe("input limits", () => {
  it("question length: on the command line and in a case file", () => {
    expectLimit(
      ["ask", "x".repeat(4_001)],
      /^kyocho: command line: question: 4,001 characters, over the limit of 4,000 \(maxQuestionChars; set KYOCHO_MAX_QUESTION_CHARS to change it\)$/,
    );
    expectLimit(
      ["ask", "--case", write("long-question.json", JSON.stringify({ schemaVersion: 2, question: "y".repeat(4_100) }))],
      /case file .*long-question\.json: question: 4,100 characters, over the limit of 4,000 \(maxQuestionChars;/,
    );
    const raised = runCli(["ask", "-q", "x".repeat(4_001)], { env: { KYOCHO_MAX_QUESTION_CHARS: "5000" } });
    expect(raised.code, raised.stderr).toBe(0);
  });

  it("positions per case", () => {
    const file = write("book.json", JSON.stringify(book(DEFAULT_LIMITS.maxPositions + 1)));
    expectLimit(
      ["ask", "--case", file, "q"],
      /^kyocho: case file .*book\.json: markets\.positions: 10,001 positions, over the limit of 10,000 \(maxPositions; set KYOCHO_MAX_POSITIONS to change it\)$/,
    );
    const raised = runCli(["ask", "-q", "--json", "--case", file, "What would a 200bp rise do?"], { env: { KYOCHO_MAX_POSITIONS: "20000" } });
    expect(raised.code, raised.stderr).toBe(0);
    expect((JSON.parse(raised.stdout) as Assessment).experts.map((e) => e.name)).toContain("markets");
  });

  it("file size: a case file over the limit, and an endless one, are refused without being read whole", () => {
    const file = write("huge.json", JSON.stringify({ question: "z".repeat(DEFAULT_LIMITS.maxFileBytes) }));
    expectLimit(
      ["ask", "--case", file],
      /^kyocho: case file .*huge\.json: more than 4,194,304 bytes, over the limit of 4,194,304 \(maxFileBytes; set KYOCHO_MAX_FILE_BYTES to change it\)$/,
    );
    expectLimit(["ask", "--case", "/dev/zero"], /^kyocho: case file \/dev\/zero: more than 65,536 bytes, over the limit of 65,536 \(maxFileBytes;/, {
      KYOCHO_MAX_FILE_BYTES: "65536",
    });
  });

  it("a bad limit value names its variable", () => {
    expectLimit(["ask", "Can we lend?"], /^kyocho: environment: KYOCHO_MAX_POSITIONS: must be a positive integer, not "ten thousand"$/, {
      KYOCHO_MAX_POSITIONS: "ten thousand",
    });
  });

  it("batch line size and question length: the line becomes a LIMIT_EXCEEDED error line, the batch goes on", () => {
    const good = (id: string) => JSON.stringify({ id, question: "Can we lend?", caseFile: EXAMPLE_CASE });
    const input = write(
      "batch.jsonl",
      [
        good("a"),
        JSON.stringify({ id: "huge", question: "q", case: { schemaVersion: 2, borrower: { name: "n".repeat(5_000), country: "JP" } } }),
        JSON.stringify({ id: "long-q", question: "w".repeat(4_001) }),
        good("b"),
      ].join("\n"),
    );
    const output = join(dir, "batch-out.jsonl");
    const r = runCli(["batch", input, "--out", output, "-q"], { env: { KYOCHO_MAX_BATCH_LINE_BYTES: "4096" } });
    expect(r.code, r.stderr).toBe(0);
    const records = Object.fromEntries(
      readFileSync(output, "utf8")
        .trim()
        .split("\n")
        .map((l) => {
          const record = JSON.parse(l) as { id: string | number; error?: { code: string; message: string } };
          return [String(record.id), record];
        }),
    );
    expect(Object.keys(records).sort()).toEqual(["2", "a", "b", "long-q"]);
    expect(records["2"]!.error).toEqual({
      code: "LIMIT_EXCEEDED",
      message: "line 2: 5,093 bytes, over the limit of 4,096 (maxBatchLineBytes; set KYOCHO_MAX_BATCH_LINE_BYTES to change it)",
    });
    expect(records["long-q"]!.error).toEqual({
      code: "LIMIT_EXCEEDED",
      message: "line 3: question: 4,001 characters, over the limit of 4,000 (maxQuestionChars; set KYOCHO_MAX_QUESTION_CHARS to change it)",
    });
  });

  it("job payload: a sub-task too large for Redis is not enqueued; its expert fails, so the assessment is incomplete and escalated", async () => {
    // The check comes before anything reaches Redis: this connection is never opened.
    const connection = createRedisConnection("redis://127.0.0.1:1");
    const executor = new QueueExecutor({ connection, maxJobBytes: 500 });
    try {
      const council = createReferenceCouncil({ executor });
      const c = council.parseCase(readDataFile(join(REPO_ROOT, "examples/cases/clean-domestic-term-loan.yaml"), "case file"));
      const assessment = await council.assess({ case: c });
      expect(assessment.experts.map((e) => e.error?.code)).toEqual(assessment.experts.map(() => "JOB_TOO_LARGE"));
      expect(assessment.experts[0]!.error!.message).toMatch(
        /^job data of \w+: \d{1,3}(,\d{3})* bytes, over the limit of 500 \(maxJobBytes; set KYOCHO_MAX_JOB_BYTES to change it\)$/,
      );
      expect([assessment.incomplete, assessment.decision]).toEqual([true, "escalate"]);
    } finally {
      await executor.close();
      connection.disconnect();
    }
  });
});
