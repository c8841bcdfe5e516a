import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceExperts } from "@kyocho/reference-council";
import { createRedisConnection, openExpertQueue } from "@kyocho/queue";
import { startRedisServer, uniquePrefix, type TestRedisServer } from "../../packages/queue/src/testing/index.js";
import { lineCount } from "../queue/helpers/batch-files.js";
import { startKyocho, stopKyocho, type KyochoProcess } from "../queue/helpers/kyocho-process.js";
import { assessmentsById, batchFigures, printFigures, readRecords, writeCaseBatch } from "./helpers/figures.js";

// A 300-question batch through the queue with two `kyocho worker` processes, on a Redis of the test's own
// that persists to an append-only file (`appendonly yes`, `appendfsync everysec`). Once a worker is killed
// outright mid-batch; once Redis itself is killed and restarted mid-batch. Each time: every id exactly once,
// and the same assessments as an undisturbed run.
const ITEMS = 300;
const dir = mkdtempSync(join(tmpdir(), "kyocho-worker-faults-"));
const prefix = uniquePrefix("faults");
let redis: TestRedisServer;
let env: NodeJS.ProcessEnv;
let connection: ReturnType<typeof createRedisConnection>;
let queues: Array<ReturnType<typeof openExpertQueue>>;
const workers = new Map<string, KyochoProcess>();
// Short locks, so that a dead worker's sub-tasks come back within seconds (the default is 30 s).
const startWorker = (name: string) => {
  const worker = startKyocho(
    ["worker", "--name", name, "--concurrency", "4", "--lock-duration", "2000", "--stalled-interval", "500", "--max-stalled", "3"],
    env,
  );
  workers.set(name, worker);
  return worker;
};

beforeAll(async () => {
  redis = await startRedisServer({ appendOnly: { fsync: "everysec" } });
  env = { REDIS_URL: redis.url, KYOCHO_PREFIX: prefix };
  connection = createRedisConnection(redis.url);
  queues = referenceExperts.map((e) => openExpertQueue(e.name, { connection, prefix }));
  await Promise.all(["worker-a", "worker-b"].map((name) => startWorker(name).waitForStderr(/ready on/)));
});

afterAll(async () => {
  await Promise.all([...workers.values()].map((w) => stopKyocho(w)));
  await Promise.all(queues.map((q) => q.close()));
  connection.disconnect();
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

    await waitForLines(output, ITEMS / 3, batch);
    const linesAtCrash = lineCount(output);
    await redis.kill();
    const downSince = performance.now();
    await new Promise((r) => setTimeout(r, 2_000));
    await redis.restart();
    const downMs = performance.now() - downSince;

    expect(await batch.exited, batch.stderr()).toBe(0);
    expect(await undisturbed.run.exited, undisturbed.run.stderr()).toBe(0);
    const running = [...workers.values()];
    await Promise.all(running.map((w) => w.waitForStderr(/reconnected to Redis/, 10_000)));
    const records = readRecords(output);
    const figures = batchFigures(ids, records, assessmentsById(readRecords(undisturbed.out)));
    printFigures("Redis restart", figures, {
      "lines written before the crash": linesAtCrash,
      "Redis down (ms)": Math.round(downMs),
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
