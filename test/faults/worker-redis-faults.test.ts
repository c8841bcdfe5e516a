import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceExperts } from "@kyocho/reference-council";
import { createRedisConnection, openExpertQueue } from "@kyocho/queue";
import { DEFAULT_REPLY, startTestModelServer, type TestModelServer } from "@kyocho/testing";
import { startRedisServer, uniquePrefix, type TestRedisServer } from "@kyocho/queue/testing";
import { lineCount } from "../queue/helpers/batch-files.js";
import { startKyocho, stopKyocho, type KyochoProcess } from "../queue/helpers/kyocho-process.js";
import { assessmentsById, batchFigures, printFigures, readRecords, writeCaseBatch } from "./helpers/figures.js";

// A 300-question batch through the queue with two `kyocho worker` processes, on a Redis of the test's own
// that persists to an append-only file (`appendonly yes`, `appendfsync everysec`). Once a worker is killed
// outright mid-batch; once Redis itself is killed and restarted mid-batch. Each time: every id exactly once,
// and the same assessments as an undisturbed run. The workers' experts ask a test model endpoint, so that case
// (b) can hold their answers and crash Redis while sub-tasks are provably in a worker's hands.
const ITEMS = 300;
const dir = mkdtempSync(join(tmpdir(), "kyocho-worker-faults-"));
const prefix = uniquePrefix("faults");
let redis: TestRedisServer;
let model: TestModelServer;
let modelConfig: string;
let env: NodeJS.ProcessEnv;
let connection: ReturnType<typeof createRedisConnection>;
let queues: Array<ReturnType<typeof openExpertQueue>>;
const workers = new Map<string, KyochoProcess>();
// Short locks, so that a dead worker's sub-tasks come back within seconds (the default is 30 s).
const startWorker = (name: string) => {
  const worker = startKyocho(
    ["worker", "--name", name, "--concurrency", "4", "--lock-duration", "2000", "--stalled-interval", "500", "--max-stalled", "3", "--config", modelConfig],
    env,
  );
  workers.set(name, worker);
  return worker;
};

beforeAll(async () => {
  redis = await startRedisServer({ appendOnly: { fsync: "everysec" } });
  model = await startTestModelServer({ models: ["qwen3-redis-faults"] });
  // A long time limit: case (b) holds answers while Redis is down, and a timed-out model would change the assessment.
  const endpoint = { baseURL: model.baseURL, model: "qwen3-redis-faults", timeoutMs: 60_000, maxRetries: 0 };
  modelConfig = join(dir, "models.json");
  writeFileSync(
    modelConfig,
    JSON.stringify({
      models: { experts: Object.fromEntries(referenceExperts.map((e) => [e.name, endpoint])) },
      audit: { path: join(dir, "audit", "audit-{date}.jsonl") },
    }),
  );
  env = { REDIS_URL: redis.url, KYOCHO_PREFIX: prefix };
  connection = createRedisConnection(redis.url);
  queues = referenceExperts.map((e) => openExpertQueue(e.name, { connection, prefix }));
  await Promise.all(["worker-a", "worker-b"].map((name) => startWorker(name).waitForStderr(/ready on/)));
});

afterAll(async () => {
  await Promise.all([...workers.values()].map((w) => stopKyocho(w)));
  await Promise.all(queues.map((q) => q.close()));
  connection.disconnect();
  await model.close();
  await redis.stop();
});

/** The undisturbed run of a batch: in process, no queue. */
function reference(input: string, tag: string) {
  const out = join(dir, `${tag}-reference.jsonl`);
  return { out, run: startKyocho(["batch", input, "--out", out, "-q"], {}) };
}

async function waitForLines(path: string, count: number, batch: KyochoProcess): Promise<void> {
  while (lineCount(path) < count) {
    if (batch.child.exitCode !== null) throw new Error(`the batch ended early:\n${batch.stderr()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("worker and Redis faults during a 300-question batch with two workers", () => {
  it("(a) a worker SIGKILLed mid-batch: its sub-tasks are taken back and finished by the other, nothing lost or doubled", async () => {
    const input = join(dir, "kill.jsonl");
    const ids = writeCaseBatch(input, ITEMS, "kill");
    const undisturbed = reference(input, "kill");
    const output = join(dir, "kill-out.jsonl");
    const batch = startKyocho(["batch", input, "--out", output, "--queue", "--concurrency", "16", "-q"], env);

    // Kill the victim while it holds sub-tasks: freeze it, look, and kill it only if it holds several (or, after
    // many tries, at least one).
    await waitForLines(output, ITEMS / 3, batch);
    const victim = workers.get("worker-a")!;
    let held: string[] = [];
    for (let tries = 0; ; tries++) {
      if (tries > 1_000) throw new Error("worker-a never held a sub-task");
      victim.child.kill("SIGSTOP");
      held = (await Promise.all(queues.map((q) => q.getJobs(["active"]))))
        .flat()
        .filter((j) => j.processedBy === "worker-a")
        .map((j) => j.id!);
      if (held.length >= 3 || (held.length > 0 && tries > 200)) break;
      victim.child.kill("SIGCONT");
      await new Promise((r) => setTimeout(r, 2));
    }
    const linesAtKill = lineCount(output);
    victim.child.kill("SIGKILL");
    expect(await victim.exited).toBe("SIGKILL");
    workers.delete("worker-a");

    expect(await batch.exited, batch.stderr()).toBe(0);
    expect(await undisturbed.run.exited, undisturbed.run.stderr()).toBe(0);
    const records = readRecords(output);
    const figures = batchFigures(ids, records, assessmentsById(readRecords(undisturbed.out)));
    const jobs = new Map((await Promise.all(queues.map((q) => q.getJobs(["completed"])))).flat().map((j) => [j.id!, j]));
    const takenBack = held.filter((id) => jobs.get(id)?.processedBy === "worker-b").length;
    printFigures("worker SIGKILL", figures, {
      "lines written before the kill": linesAtKill,
      "sub-tasks held by the dead worker": held.length,
      "finished by the other worker": takenBack,
    });
    expect(figures).toMatchObject({ items: ITEMS, lost: 0, duplicated: 0, errors: 0, differing: 0, wrongApprovals: 0 });
    expect(takenBack).toBe(held.length);
    expect(workers.get("worker-b")!.child.exitCode).toBeNull();

    // Back to two workers for the next fault.
    await startWorker("worker-c").waitForStderr(/ready on/);
  }, 90_000);

  it("(b) Redis killed and restarted from its append-only file mid-batch: retried with backoff, one clear line each way, nothing lost or doubled", async () => {
    const input = join(dir, "restart.jsonl");
    const ids = writeCaseBatch(input, ITEMS, "restart");
    const undisturbed = reference(input, "restart");
    const output = join(dir, "restart-out.jsonl");
    const batch = startKyocho(["batch", input, "--out", output, "--queue", "--concurrency", "16", "-q"], env);

    // Crash Redis while workers hold sub-tasks: from a third of the way on, every model answer waits for
    // `release`, so a sub-task whose expert has asked its model stays active in a worker until Redis is back.
    await waitForLines(output, ITEMS / 3, batch);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let aModelCallHeld!: () => void;
    const modelCallHeld = new Promise<void>((resolve) => (aModelCallHeld = resolve));
    model.respond("*", () => {
      aModelCallHeld();
      return { ...DEFAULT_REPLY, waitFor: released };
    });
    await Promise.race([modelCallHeld, batch.exited.then(() => Promise.reject(new Error("the batch ended before any worker's expert asked its model")))]);
    const held = (await Promise.all(queues.map((q) => q.getJobs(["active"])))).flat();
    const heldIds = held.map((j) => j.id!);
    expect(heldIds.length, "no worker held a sub-task when Redis was killed").toBeGreaterThan(0);
    expect(held.every((j) => j.processedBy !== undefined && workers.has(j.processedBy))).toBe(true);
    const linesAtCrash = lineCount(output);
    const running = [...workers.values()];
    await redis.kill();
    // Restart once every worker has said it lost Redis, then let the held answers go.
    await Promise.all(running.map((w) => w.waitForStderr(/lost the connection to Redis/, 30_000)));
    await redis.restart();
    release();

    expect(await batch.exited, batch.stderr()).toBe(0);
    expect(await undisturbed.run.exited, undisturbed.run.stderr()).toBe(0);
    await Promise.all(running.map((w) => w.waitForStderr(/reconnected to Redis/, 10_000)));
    // The sub-tasks in flight at the crash were finished after it (taken back from the append-only file).
    const completed = new Set((await Promise.all(queues.map((q) => q.getJobs(["completed"])))).flat().map((j) => j.id!));
    expect(heldIds.filter((id) => !completed.has(id))).toEqual([]);
    const records = readRecords(output);
    const figures = batchFigures(ids, records, assessmentsById(readRecords(undisturbed.out)));
    printFigures("Redis restart", figures, {
      "lines written before the crash": linesAtCrash,
      "sub-tasks in flight at the crash": heldIds.length,
      "workers still running": running.filter((w) => w.child.exitCode === null).length,
    });
    expect(figures).toMatchObject({ items: ITEMS, lost: 0, duplicated: 0, errors: 0, differing: 0, wrongApprovals: 0 });

    // No crash loop: both workers are still up, and each said once that Redis went away and once that it was back.
    for (const worker of running) {
      expect(worker.child.exitCode).toBeNull();
      const log = worker.stderr();
      expect(log.match(/lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+ \(.+\); reconnecting with backoff/g)).toHaveLength(1);
      expect(log.match(/reconnected to Redis at redis:\/\/127\.0\.0\.1:\d+ after \d+\.\d s/g)).toHaveLength(1);
      expect(log).not.toMatch(/ECONNREFUSED/);
      expect(log).not.toMatch(/\n\s+at /);
    }
    expect(batch.stderr()).toMatch(/lost the connection to Redis/);
    expect(batch.stderr()).toMatch(/reconnected to Redis/);
  }, 90_000);
});
