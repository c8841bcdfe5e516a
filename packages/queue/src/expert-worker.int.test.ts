import { afterAll, describe, expect, it } from "vitest";
import type { ExpertRequest } from "@kyocho/core";
import { openExpertQueue } from "./expert-queue.js";
import { QueueExecutor } from "./queue-executor.js";
import { createRedisConnection } from "./redis-connection.js";
import { deleteKeys, syntheticExpert, syntheticPolicy, uniquePrefix } from "./testing/index.js";
import { startExpertWorkers, type ExpertWorkerPool } from "./worker-pool.js";

const prefix = uniquePrefix("worker");
const connection = createRedisConnection(process.env.REDIS_URL);
const policy = syntheticPolicy();
const pools: ExpertWorkerPool[] = [];
const executor = new QueueExecutor({ connection, prefix });

const request = (expert: string, assessmentId: string): ExpertRequest => ({
  assessmentId,
  task: { id: expert, expert, question: `q ${assessmentId}`, dependsOn: [], role: "required" },
  case: undefined,
  policy,
  dependencies: {},
});

afterAll(async () => {
  await executor.close();
  await Promise.all(pools.map((p) => p.close()));
  await deleteKeys(connection, prefix);
  await connection.quit();
});

describe("expert workers", () => {
  it("a rate-limited expert never starts more jobs in any one second than its limit, across workers", async () => {
    const perSecond = 5;
    const gpu = syntheticExpert("gpu");
    // Two workers of the same expert, each allowed to run 4 at once: only the shared limit holds them back.
    pools.push(startExpertWorkers([gpu], { connection, prefix, policies: [policy], concurrency: 4, rate: perSecond, name: "gpu-1" }));
    pools.push(startExpertWorkers([gpu], { connection, prefix, policies: [policy], concurrency: 4, rate: perSecond, name: "gpu-2" }));
    await Promise.all(pools.map((p) => p.waitUntilReady()));

    const jobs = 14;
    const results = await Promise.all(Array.from({ length: jobs }, (_, i) => executor.execute(request("gpu", `a-rate-${i}`))));
    expect(results.every((r) => r.status === "ok")).toBe(true);

    const queue = openExpertQueue("gpu", { connection, prefix });
    const done = await queue.getJobs(["completed"]);
    await queue.close();
    const starts = done.map((j) => j.processedOn!).sort((a, b) => a - b);
    expect(starts).toHaveLength(jobs);
    expect(new Set(done.map((j) => j.processedBy)).size).toBe(2);
    // Any window of one second holds at most `perSecond` starts. The timestamps are the workers' clocks when
    // they asked Redis for the job; 10 ms allows for that jitter.
    for (let i = 0; i + perSecond < starts.length; i++) {
      expect(starts[i + perSecond]! - starts[i]!).toBeGreaterThanOrEqual(1000 - 10);
    }
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(((jobs - 1) * 1000) / perSecond - 10 * jobs);
  }, 20_000);
});
