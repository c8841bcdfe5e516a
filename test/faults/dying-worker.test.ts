import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceExperts } from "@kyocho/reference-council";
import { createRedisConnection, openExpertQueue } from "@kyocho/queue";
import { startTestModelServer, type TestModelServer } from "@kyocho/testing";
import { startRedisServer, uniquePrefix, type TestRedisServer } from "@kyocho/queue/testing";
import { lineCount } from "../queue/helpers/batch-files.js";
import { startKyocho, stopKyocho, type KyochoProcess } from "../queue/helpers/kyocho-process.js";
import { assessmentsById, batchFigures, exampleCases, printFigures, readRecords } from "./helpers/figures.js";
import { freezeWhileHolding } from "../helpers/freeze-holding-worker.js";

// Identical questions in one batch survive a dying worker. 240 lines — 24 example deals, each asked ten times
// in a row, so that ten lines wait on the same four sub-task jobs — through the queue with two `kyocho worker`s
// whose experts' models answer in 200 ms. One worker is SIGKILLed once about 40 lines are out, while it runs
// sub-tasks; stalled-job recovery (--lock-duration 5000 --stalled-interval 5000) gives them to the other. Every
// line must be assessed, none left unfinished, each as a run without the kill assesses it.
const CASES = 24;
const REPEATS = 10;
const KILL_AFTER_LINES = 40;
const dir = mkdtempSync(join(tmpdir(), "kyocho-dying-worker-"));
const prefix = uniquePrefix("dying");
let redis: TestRedisServer;
let model: TestModelServer;
let env: NodeJS.ProcessEnv;
let connection: ReturnType<typeof createRedisConnection>;
let queues: Array<ReturnType<typeof openExpertQueue>>;
const workers = new Map<string, KyochoProcess>();

beforeAll(async () => {
  redis = await startRedisServer();
  model = await startTestModelServer({ models: ["qwen3-dying-worker"], latencyMs: 200 });
  const endpoint = { baseURL: model.baseURL, model: "qwen3-dying-worker", timeoutMs: 5_000, maxRetries: 0 };
  const config = join(dir, "models.json");
  writeFileSync(
    config,
    JSON.stringify({
      models: { experts: Object.fromEntries(referenceExperts.map((e) => [e.name, endpoint])) },
      audit: { path: join(dir, "audit", "audit-{date}.jsonl") },
    }),
  );
  env = { REDIS_URL: redis.url, KYOCHO_PREFIX: prefix };
  connection = createRedisConnection(redis.url);
  queues = referenceExperts.map((e) => openExpertQueue(e.name, { connection, prefix }));
  for (const name of ["worker-a", "worker-b"]) {
    workers.set(
      name,
      startKyocho(["worker", "--name", name, "--concurrency", "4", "--lock-duration", "5000", "--stalled-interval", "5000", "--config", config], env),
    );
  }
  await Promise.all([...workers.values()].map((w) => w.waitForStderr(/ready on/)));
});

afterAll(async () => {
  await Promise.all([...workers.values()].map((w) => stopKyocho(w)));
  await Promise.all(queues.map((q) => q.close()));
  connection.disconnect();
  await model.close();
  await redis.stop();
});

/** 24 deals, each asked ten times in a row with its own question: ten lines per assessment. */
function writeRepeatedBatch(path: string): string[] {
  const cases = exampleCases().slice(0, CASES);
  const ids: string[] = [];
  const lines = cases.flatMap((caseFile, c) => {
    const question = /^question:\s*(.+)$/m.exec(readFileSync(caseFile, "utf8"))?.[1]?.trim() ?? "Can we lend?";
    return Array.from({ length: REPEATS }, (_, r) => {
      const id = `d-${c}-${r}`;
      ids.push(id);
      return JSON.stringify({ id, question, caseFile });
    });
  });
  writeFileSync(path, `${lines.join("\n")}\n`);
  return ids;
}

describe("a dying worker under identical questions", () => {
  it("every line is assessed, none unfinished, as without the kill", async () => {
    const input = join(dir, "repeated.jsonl");
    const ids = writeRepeatedBatch(input);
    expect(ids).toHaveLength(CASES * REPEATS);
    const referenceOut = join(dir, "reference.jsonl");
    const undisturbed = startKyocho(["batch", input, "--out", referenceOut, "-q"], {});
    const output = join(dir, "answers.jsonl");
    const batch = startKyocho(["batch", input, "--out", output, "--queue", "--concurrency", "32", "-q"], env);

    while (lineCount(output) < KILL_AFTER_LINES) {
      if (batch.child.exitCode !== null) throw new Error(`the batch ended early:\n${batch.stderr()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    // Kill worker-a while it runs sub-tasks: freeze it, look, and kill it once it holds one.
    const victim = workers.get("worker-a")!;
    const held = await freezeWhileHolding(victim.child, queues, "worker-a");
    const linesAtKill = lineCount(output);
    victim.child.kill("SIGKILL");
    expect(await victim.exited).toBe("SIGKILL");
    workers.delete("worker-a");

    expect(await batch.exited, batch.stderr()).toBe(0);
    expect(await undisturbed.exited, undisturbed.stderr()).toBe(0);
    const records = readRecords(output);
    const reference = assessmentsById(readRecords(referenceOut));
    const figures = batchFigures(ids, records, reference);
    const completed = new Map((await Promise.all(queues.map((q) => q.getJobs(["completed"])))).flat().map((j) => [j.id!, j]));
    const takenBack = held.filter((id) => completed.get(id)?.processedBy === "worker-b").length;
    printFigures("dying worker, identical questions", figures, {
      "lines written before the kill": linesAtKill,
      "sub-tasks held by the dead worker": held.length,
      "finished by the other worker": takenBack,
      "model calls": model.requests.filter((r) => r.path.endsWith("/chat/completions")).length,
    });

    expect(batch.stderr()).not.toMatch(/BAD_JOB_RESULT|not finished|unfinished/);
    expect(figures).toMatchObject({ items: CASES * REPEATS, lost: 0, duplicated: 0, errors: 0, differing: 0, wrongApprovals: 0 });
    expect(takenBack).toBe(held.length);
    // The models were used: every expert of every assessment came back with its model's answer.
    const assessments = [...assessmentsById(records).values()];
    expect(assessments.every((a) => a.experts.every((e) => e.status === "ok"))).toBe(true);
    expect(assessments.flatMap((a) => a.experts).every((e) => e.modelUse?.outcome === "accepted")).toBe(true);
  }, 120_000);
});
