import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Worker } from "bullmq";
import { InProcessExecutor, policyFingerprint, type ExpertRequest, type ExpertResult } from "@kyocho/core";
import { openExpertQueue } from "./expert-queue.js";
import { toExpertJobData } from "./expert-job.js";
import { jobIdFor } from "./job-id.js";
import { JobResultWatcher } from "./job-result-watcher.js";
import { QueueExecutor } from "./queue-executor.js";
import { createRedisConnection } from "./redis-connection.js";
import { deleteKeys, startRedisServer, syntheticExpert, syntheticPolicy, uniquePrefix } from "./testing/index.js";
import { startExpertWorkers, type ExpertWorkerPool } from "./worker-pool.js";

const prefix = uniquePrefix("executor");
const connection = createRedisConnection(process.env.REDIS_URL);
const policy = syntheticPolicy();
const runs = new Map<string, number>();
const count = (name: string) => (taskId: string) => runs.set(`${name}:${taskId}`, (runs.get(`${name}:${taskId}`) ?? 0) + 1);
const runsOf = (name: string, taskId = name) => runs.get(`${name}:${taskId}`) ?? 0;

const fx = syntheticExpert("fx", { onRun: count("fx") });
const lending = syntheticExpert("lending", { dependsOn: ["fx"], onRun: count("lending") });
const broken = syntheticExpert("broken", { fail: true, failMessage: "Cannot read properties of undefined", onRun: count("broken") });
const flaky = syntheticExpert("flaky", { fail: 1, failMessage: "connect ECONNREFUSED 10.0.0.9:8000", onRun: count("flaky") });
const hanging = syntheticExpert("hanging", { delayMs: 60_000, onRun: count("hanging") });
const slow = syntheticExpert("slow", { delayMs: 400, onRun: count("slow") });

const pools: ExpertWorkerPool[] = [];
const executor = new QueueExecutor({ connection, prefix, jobOptions: { attempts: 2, backoff: { type: "exponential", delay: 20 } }, pollIntervalMs: 200 });

const request = (expert: string, assessmentId: string, extra: Partial<ExpertRequest> = {}): ExpertRequest => ({
  assessmentId,
  task: { id: expert, expert, question: `What does ${expert} say about ${assessmentId}?`, dependsOn: [], role: "required" },
  case: undefined,
  policy,
  dependencies: {},
  ...extra,
});
const withoutLatency = (r: ExpertResult) => ({ ...r, latencyMs: undefined });

beforeAll(async () => {
  const pool = startExpertWorkers([fx, lending, broken, flaky, slow], { connection, prefix, policies: [policy], concurrency: 4 });
  pools.push(pool, startExpertWorkers([hanging], { connection, prefix, policies: [policy], jobTimeoutMs: 100 }));
  await Promise.all(pools.map((p) => p.waitUntilReady()));
});

afterAll(async () => {
  await executor.close();
  await Promise.all(pools.map((p) => p.close({ handBack: true })));
  await deleteKeys(connection, prefix);
  await connection.quit();
});

describe("QueueExecutor", () => {
  it("gives the result the expert gives in process, dependencies included", async () => {
    const local = new InProcessExecutor([fx, lending]);
    const fxRequest = request("fx", "a-same");
    const fxQueued = await executor.execute(fxRequest);
    expect(fxQueued.status).toBe("ok");
    expect(withoutLatency(fxQueued)).toEqual(withoutLatency(await local.execute(fxRequest)));

    const lendingRequest = request("lending", "a-same", { task: { ...request("lending", "a-same").task, dependsOn: ["fx"] }, dependencies: { fx: fxQueued } });
    const lendingQueued = await executor.execute(lendingRequest);
    expect(lendingQueued.findings[0]!.message).toMatch(/after fx$/);
    expect(withoutLatency(lendingQueued)).toEqual(withoutLatency(await local.execute(lendingRequest)));
  });

  it("never runs a sub-task twice: a re-submission gets the stored result", async () => {
    const first = await executor.execute(request("fx", "a-resubmit"));
    const again = await executor.execute(request("fx", "a-resubmit"));
    expect(again).toEqual(first);
    const [x, y, z] = await Promise.all([1, 2, 3].map(() => executor.execute(request("lending", "a-concurrent"))));
    expect(y).toEqual(x);
    expect(z).toEqual(x);
    expect(runs.get("fx:fx")).toBeGreaterThan(0);
    const job = await openExpertQueue("lending", { connection, prefix }).getJob(jobIdFor(toExpertJobData(request("lending", "a-concurrent"))));
    expect(job?.attemptsStarted).toBe(1);
  });

  it("gives a reused assessment id with another question its own result, never the stored one", async () => {
    const first = await executor.execute(request("fx", "a-reused"));
    const other = request("fx", "a-reused");
    const second = await executor.execute({ ...other, task: { ...other.task, question: "Something else entirely?" } });
    expect(second.findings[0]!.message).not.toBe(first.findings[0]!.message);
    expect(runsOf("fx", "fx")).toBeGreaterThanOrEqual(2);
    const queue = openExpertQueue("fx", { connection, prefix });
    const jobs = (await queue.getJobs(["completed"])).filter((j) => j.id!.startsWith("a-reused@fx@"));
    expect(jobs).toHaveLength(2);
  });

  it("fails a job whose policy the worker does not hold with POLICY_MISMATCH, at once and without running it", async () => {
    const other = syntheticPolicy("other-v1");
    const mine = policyFingerprint(policy);
    const theirs = policyFingerprint(other);
    const before = runsOf("fx");
    const result = await executor.execute({ ...request("fx", "a-foreign-policy"), policy: other });
    expect(result).toMatchObject({ status: "failed", error: { code: "POLICY_MISMATCH" } });
    expect(result.error!.message).toContain(`other-v1 (sha256 ${theirs.sha256.slice(0, 12)})`);
    expect(result.error!.message).toContain(`synthetic-v1 (sha256 ${mine.sha256.slice(0, 12)})`);
    expect(runsOf("fx")).toBe(before);
    const job = await openExpertQueue("fx", { connection, prefix }).getJob(jobIdFor(toExpertJobData({ ...request("fx", "a-foreign-policy"), policy: other })));
    expect(job?.attemptsMade).toBe(1); // attempts: 2, but a policy mismatch is not retried
  });

  it("returns an expert's own failure as its result, without retrying it", async () => {
    const result = await executor.execute(request("broken", "a-broken"));
    expect(result).toMatchObject({ status: "failed", error: { code: "EXPERT_ERROR", message: "Cannot read properties of undefined" } });
    expect(runsOf("broken")).toBe(1);
  });

  it("retries a transient failure with backoff, then succeeds", async () => {
    const result = await executor.execute(request("flaky", "a-flaky"));
    expect(result.status).toBe("ok");
    expect(runsOf("flaky")).toBe(2);
  });

  it("stops a job at its timeout, retries it, and reports TIMEOUT when attempts run out", async () => {
    // The expert hangs for 60 s, twice the test's timeout: any result at all means the job timeout cut both runs short.
    const result = await executor.execute(request("hanging", "a-hang"));
    expect(result).toMatchObject({ status: "failed", error: { code: "TIMEOUT", message: "job timed out after 100 ms" } });
    expect(runsOf("hanging")).toBe(2);
    const job = await openExpertQueue("hanging", { connection, prefix }).getJob(jobIdFor(toExpertJobData(request("hanging", "a-hang"))));
    expect(job?.attemptsMade).toBe(2);
    expect(job?.failedReason).toMatch(/^TIMEOUT: job timed out after 100 ms/);
  });

  it("fails job data that breaks the contract at once, without retries", async () => {
    const queue = openExpertQueue("fx", { connection, prefix });
    const watcher = await JobResultWatcher.open(queue, connection);
    const outcome = await watcher.submit({ id: "bad-data@fx", name: "fx", data: { nonsense: true }, options: { attempts: 3 } });
    expect(outcome).toMatchObject({ state: "failed", reason: expect.stringMatching(/expert job contract/) });
    expect((await queue.getJob("bad-data@fx"))?.attemptsMade).toBe(1);
    await watcher.close();
    await queue.close();
  });

  it("retries a job that had failed for good when its question comes again", async () => {
    // A worker that crashes on every job makes the first submission fail for good.
    const queue = openExpertQueue("phoenix", { connection, prefix });
    const crashing = new Worker(
      queue.name,
      async () => {
        throw new Error("GPU fell over");
      },
      { connection, prefix: queue.opts.prefix! },
    );
    const once = new QueueExecutor({ connection, prefix, jobOptions: { attempts: 1 } });
    const failed = await once.execute(request("phoenix", "a-phoenix"));
    expect(failed).toMatchObject({ status: "failed", error: { code: "JOB_FAILED", message: expect.stringMatching(/GPU fell over/) } });
    await crashing.close();

    const pool = startExpertWorkers([syntheticExpert("phoenix")], { connection, prefix, policies: [policy] });
    pools.push(pool);
    const retried = await once.execute(request("phoenix", "a-phoenix"));
    expect(retried.status).toBe("ok");
    await once.close();
    await queue.close();
  });

  it("reports QUEUE_TIMEOUT when no worker answers in time, leaving the job queued", async () => {
    const impatient = new QueueExecutor({ connection, prefix, resultTimeoutMs: 300 });
    const result = await impatient.execute(request("nobody", "a-nobody"));
    expect(result).toMatchObject({ status: "failed", error: { code: "QUEUE_TIMEOUT", message: expect.stringMatching(/expert:nobody/) } });
    const queue = openExpertQueue("nobody", { connection, prefix });
    expect(await queue.getJobState(jobIdFor(toExpertJobData(request("nobody", "a-nobody"))))).toBe("waiting");
    await impatient.close();
    await queue.close();
  });

  it("adds a job again when it vanishes from Redis while awaited", async () => {
    const queue = openExpertQueue("esg", { connection, prefix });
    const pending = executor.execute(request("esg", "a-vanish"));
    const id = jobIdFor(toExpertJobData(request("esg", "a-vanish")));
    await until(async () => (await queue.getJob(id)) !== undefined);
    await queue.remove(id);
    expect(await queue.getJob(id)).toBeUndefined();
    await until(async () => (await queue.getJob(id)) !== undefined); // the poll put it back
    pools.push(startExpertWorkers([syntheticExpert("esg")], { connection, prefix, policies: [policy] }));
    expect((await pending).status).toBe("ok");
    await queue.close();
  });

  it("hands running jobs back to the queue on request, for another worker to finish at once", async () => {
    // Its lock would expire, and a stalled-job check notice it, only after 120 s, four times the test's timeout: the
    // second worker can finish the job in time only if the first handed it back.
    const stuck = { lockDurationMs: 120_000, stalledIntervalMs: 120_000 };
    const first = startExpertWorkers([syntheticExpert("relay", { delayMs: 30_000, onRun: count("relay") })], {
      connection,
      prefix,
      policies: [policy],
      ...stuck,
    });
    await first.waitUntilReady();
    const pending = executor.execute(request("relay", "a-relay"));
    await until(async () => runsOf("relay") === 1);
    await first.close({ handBack: true });
    const second = startExpertWorkers([syntheticExpert("relay", { onRun: count("relay") })], { connection, prefix, policies: [policy] });
    pools.push(second);
    const result = await pending;
    expect(result.status).toBe("ok");
    expect(runsOf("relay")).toBe(2);
    const job = await openExpertQueue("relay", { connection, prefix }).getJob(jobIdFor(toExpertJobData(request("relay", "a-relay"))));
    expect(job?.attemptsMade).toBe(1); // the handed-back run used no attempt; the finished one did
  });

  it("waits on graceful close for the running jobs to finish", async () => {
    const pool = startExpertWorkers([syntheticExpert("closing", { delayMs: 300 })], { connection, prefix, policies: [policy] });
    await pool.waitUntilReady();
    const pending = executor.execute(request("closing", "a-close"));
    await until(async () => pool.running === 1);
    await pool.close();
    expect(pool.running).toBe(0);
    expect((await pending).status).toBe("ok");
  });
});

describe("QueueExecutor across a Redis restart", () => {
  it("brings back the results of jobs Redis forgot", async () => {
    const server = await startRedisServer();
    const own = createRedisConnection(server.url);
    const p = uniquePrefix("restart");
    let taken = 0;
    const pool = startExpertWorkers([syntheticExpert("fx", { delayMs: 1_000, onRun: () => taken++ })], { connection: own, prefix: p, policies: [policy] });
    const exec = new QueueExecutor({ connection: own, prefix: p, pollIntervalMs: 200 });
    try {
      await pool.waitUntilReady();
      const pending = Promise.all([1, 2, 3].map((i) => exec.execute(request("fx", `a-restart-${i}`))));
      // Restart only once the worker holds all three (BullMQ lists them active), so Redis forgets jobs in flight,
      // not merely jobs nobody had taken yet.
      const queue = openExpertQueue("fx", { connection: own, prefix: p });
      await until(async () => taken === 3 && (await queue.getActiveCount()) === 3);
      await queue.close();
      await server.kill();
      await server.restart();
      const results = await pending;
      expect(results.map((r) => r.status)).toEqual(["ok", "ok", "ok"]);
      // Each job was run again after the restart: the first runs' results went with the Redis that forgot them.
      expect(taken).toBeGreaterThanOrEqual(6);
    } finally {
      await exec.close();
      await pool.close({ handBack: true });
      own.disconnect();
      await server.stop();
    }
  }, 30_000);
});

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
