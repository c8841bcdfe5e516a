import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { referenceExperts } from "@kyocho/reference-council";
import { createRedisConnection, openExpertQueue } from "@kyocho/queue";
import { DEFAULT_REPLY, startTestModelServer, type TestModelServer } from "@kyocho/testing";
import { startRedisServer, uniquePrefix, type TestRedisServer } from "@kyocho/queue/testing";
import { EXAMPLE_CASE } from "../queue/helpers/batch-files.js";
import { startKyocho, type KyochoProcess } from "../queue/helpers/kyocho-process.js";

// A worker whose Redis has gone away for good must still stop when told to. Once Redis is killed (and not
// restarted) a `kyocho worker` gets SIGTERM: after --grace it tries to hand its running sub-tasks back, gives
// that a few seconds, and exits — non-zero, naming the sub-tasks it could not hand back, when it held some.
const dir = mkdtempSync(join(tmpdir(), "kyocho-worker-redis-gone-"));
let model: TestModelServer;
let modelConfig: string;
const started: KyochoProcess[] = [];
const start = (args: string[], env: NodeJS.ProcessEnv) => {
  const p = startKyocho(args, env);
  started.push(p);
  return p;
};

beforeAll(async () => {
  model = await startTestModelServer({ models: ["qwen3-redis-gone"] });
  const endpoint = { baseURL: model.baseURL, model: "qwen3-redis-gone", timeoutMs: 60_000, maxRetries: 0 };
  modelConfig = join(dir, "models.json");
  writeFileSync(modelConfig, JSON.stringify({ models: { experts: Object.fromEntries(referenceExperts.map((e) => [e.name, endpoint])) } }));
});

afterEach(() => {
  for (const p of started.splice(0)) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
});

afterAll(async () => {
  await model.close();
});

describe("a worker whose Redis has gone away", () => {
  let redis: TestRedisServer | undefined;
  afterEach(async () => {
    await redis?.stop();
    redis = undefined;
  });

  it("holding sub-tasks: exits after the grace period, non-zero, naming the sub-tasks it could not hand back", async () => {
    redis = await startRedisServer();
    const prefix = uniquePrefix("gone");
    const env = { REDIS_URL: redis.url, KYOCHO_PREFIX: prefix };
    const worker = start(["worker", "--name", "gone-worker", "--grace", "500", "--hand-back-timeout", "1000", "--config", modelConfig], env);
    await worker.waitForStderr(/ready on/);

    // Every model answer waits, so the experts' sub-tasks stay in the worker's hands.
    let aModelCallHeld!: () => void;
    const modelCallHeld = new Promise<void>((resolve) => (aModelCallHeld = resolve));
    model.respond("*", () => {
      aModelCallHeld();
      return { ...DEFAULT_REPLY, waitFor: new Promise<void>(() => {}) };
    });
    const ask = start(["ask", "--queue", "--case", EXAMPLE_CASE, "-q"], env);
    await Promise.race([modelCallHeld, ask.exited.then(() => Promise.reject(new Error(`kyocho ask ended first:\n${ask.stderr()}`)))]);
    const connection = createRedisConnection(redis.url);
    const queues = referenceExperts.map((e) => openExpertQueue(e.name, { connection, prefix }));
    const held = (await Promise.all(queues.map((q) => q.getJobs(["active"])))).flat().map((j) => j.id!);
    await Promise.all(queues.map((q) => q.close()));
    connection.disconnect();
    expect(held.length).toBeGreaterThan(0);

    await redis.kill();
    worker.child.kill("SIGTERM");
    // The test's own timeout is the only clock: a worker that never exits fails it.
    expect(await worker.exited, worker.stderr()).toBe(1);
    const log = worker.stderr();
    expect(log).toMatch(/grace period over: handing \d+ sub-task\(s\) back to the queue/);
    const said = /could not hand back (\d+) sub-task\(s\): (.+?); they stay locked/.exec(log);
    expect(said, log).not.toBeNull();
    expect(Number(said![1])).toBe(held.length);
    for (const id of held) expect(said![2]).toContain(id);
    expect(log).not.toMatch(/\n\s+at /);
  }, 40_000);

  it("holding nothing: exits after the grace period, and says Redis did not answer", async () => {
    redis = await startRedisServer();
    const env = { REDIS_URL: redis.url, KYOCHO_PREFIX: uniquePrefix("gone-idle") };
    const worker = start(["worker", "--name", "idle-worker", "--grace", "500", "--hand-back-timeout", "1000"], env);
    await worker.waitForStderr(/ready on/);
    await redis.kill();
    await worker.waitForStderr(/lost the connection to Redis/);
    worker.child.kill("SIGTERM");
    expect(await worker.exited, worker.stderr()).toBe(0);
    expect(worker.stderr()).toMatch(/grace period over: handing 0 sub-task\(s\) back to the queue/);
    expect(worker.stderr()).toMatch(/did not answer within 1000 ms; stopping without it/);
  }, 40_000);
});
