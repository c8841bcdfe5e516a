import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type TestRedisServer } from "../../packages/queue/src/testing/index.js";
import { lineCount } from "../queue/helpers/batch-files.js";
import { startKyocho, stopKyocho, type KyochoProcess } from "../queue/helpers/kyocho-process.js";
import { assessmentsById, batchFigures, essence, exampleCases, printFigures, readRecords, writeCaseBatch, type AssessmentView } from "./helpers/figures.js";

// Load: 50 analysts run `kyocho ask --queue` at the same moment while an overnight 1,000-line batch goes
// through the same two workers. Every ask completes with the assessment it gets in process; the batch loses
// and doubles nothing; the asks' latency percentiles are reported.
const BATCH_ITEMS = 1_000;
const ASKS = 50;
const dir = mkdtempSync(join(tmpdir(), "kyocho-load-"));
let redis: TestRedisServer;
let env: NodeJS.ProcessEnv;
const workers: KyochoProcess[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  env = { REDIS_URL: redis.url };
  for (const name of ["load-worker-a", "load-worker-b"]) workers.push(startKyocho(["worker", "--name", name, "--concurrency", "8"], env));
  await Promise.all(workers.map((w) => w.waitForStderr(/ready on/)));
});

afterAll(async () => {
  await Promise.all(workers.map((w) => stopKyocho(w)));
  await redis.stop();
});

describe("load", () => {
  it(`${ASKS} concurrent ask --queue while a ${BATCH_ITEMS}-line batch runs: all complete, none errors`, async () => {
    // One ask with nothing else running: what the latencies under load compare with.
    const cases = exampleCases();
    const alone = performance.now();
    const single = startKyocho(["ask", "--queue", "--json", "-q", "--case", cases[0]!, "Can we go ahead with this deal? (alone)"], env);
    expect(await single.exited, single.stderr()).toBe(0);
    const aloneMs = Math.round(performance.now() - alone);

    const input = join(dir, "overnight.jsonl");
    const ids = writeCaseBatch(input, BATCH_ITEMS, "night");
    const output = join(dir, "overnight-out.jsonl");
    const started = performance.now();
    const batch = startKyocho(["batch", input, "--out", output, "--queue", "--concurrency", "32", "-q"], env);
    while (lineCount(output) < BATCH_ITEMS / 10) {
      if (batch.child.exitCode !== null) throw new Error(`the batch ended early:\n${batch.stderr()}`);
      await new Promise((r) => setTimeout(r, 20));
    }

    // The analysts' questions: each example deal, asked with a number, so no two share sub-tasks.
    const asks = Array.from({ length: ASKS }, (_, i) => ({
      id: `ask-${i}`,
      caseFile: cases[i % cases.length]!,
      question: `Can we go ahead with this deal? (analyst ${i})`,
    }));
    const askedAt = lineCount(output);
    const results = await Promise.all(
      asks.map(async (a) => {
        const t0 = performance.now();
        const p = startKyocho(["ask", "--queue", "--json", "-q", "--case", a.caseFile, a.question], env);
        const code = await p.exited;
        return { ...a, code, ms: performance.now() - t0, stdout: p.stdout(), stderr: p.stderr() };
      }),
    );
    const linesWhenAsksDone = lineCount(output);
    expect(await batch.exited, batch.stderr()).toBe(0);
    const batchSeconds = (performance.now() - started) / 1000;

    // The same questions in process, for comparison.
    const referenceInput = join(dir, "asks.jsonl");
    writeFileSync(referenceInput, `${asks.map((a) => JSON.stringify(a)).join("\n")}\n`);
    const referenceOut = join(dir, "asks-reference.jsonl");
    const reference = startKyocho(["batch", referenceInput, "--out", referenceOut, "-q"], {});
    expect(await reference.exited, reference.stderr()).toBe(0);
    const expected = assessmentsById(readRecords(referenceOut));
    const batchReferenceOut = join(dir, "overnight-reference.jsonl");
    const batchReference = startKyocho(["batch", input, "--out", batchReferenceOut, "-q", "--concurrency", "16"], {});
    expect(await batchReference.exited, batchReference.stderr()).toBe(0);

    const failures = results.filter((r) => r.code !== 0);
    const differing = results.filter((r) => r.code === 0 && essence(JSON.parse(r.stdout) as AssessmentView) !== essence(expected.get(r.id)!));
    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
    const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!);
    const figures = batchFigures(ids, readRecords(output), assessmentsById(readRecords(batchReferenceOut)));
    printFigures("load: overnight batch", figures, { seconds: batchSeconds.toFixed(1), "lines/s": (BATCH_ITEMS / batchSeconds).toFixed(1) });
    printFigures(
      "load: concurrent asks",
      { items: ASKS, lost: 0, duplicated: 0, errors: failures.length, differing: differing.length, wrongApprovals: 0 },
      {
        "one ask alone ms": aloneMs,
        "batch lines done when asked": askedAt,
        "batch lines done when answered": linesWhenAsksDone,
        "p50 ms": pct(50),
        "p90 ms": pct(90),
        "p99 ms": pct(99),
        "max ms": Math.round(latencies.at(-1)!),
      },
    );

    expect(failures.map((f) => `${f.id}: ${f.code} ${f.stderr}`)).toEqual([]);
    expect(differing.map((d) => d.id)).toEqual([]);
    for (const r of results) expect(r.stderr, r.id).toBe("");
    expect(figures).toMatchObject({ items: BATCH_ITEMS, lost: 0, duplicated: 0, errors: 0, differing: 0, wrongApprovals: 0 });
    // The asks were answered while the batch was still running, not after it.
    expect(linesWhenAsksDone).toBeLessThan(BATCH_ITEMS);
  }, 180_000);
});
