import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { referenceExperts } from "@kyocho/reference-council";
import { clusterSlot, createRedisClient, expertQueue, openExpertQueue, redisTopologyFromEnv } from "@kyocho/queue";
import { startRedisCluster, startRedisSentinel, type TestRedisCluster, type TestRedisSentinel } from "@kyocho/queue/testing";
import { lineCount } from "../queue/helpers/batch-files.js";
import { startKyocho, stopKyocho, type KyochoProcess } from "../queue/helpers/kyocho-process.js";
import { assessmentsById, batchFigures, printFigures, readRecords, writeCaseBatch } from "./helpers/figures.js";
import { freezeWhileHolding } from "../helpers/freeze-holding-worker.js";

// A master killed outright mid-batch — a Redis Cluster master (three masters, a replica each) and the master
// of a Sentinel set (one replica, three sentinels). The replica is promoted; `kyocho worker` and
// `kyocho batch --queue` reconnect (the cluster client follows the new slot map, the Sentinel client asks the
// sentinels) and go on. Every line is answered exactly once, as the undisturbed in-process run answers it:
// what the dead master had not yet passed to its replica is written again (a vanished job is re-added under
// its id, a job whose lock was lost is taken back by BullMQ's stalled-job check). To be sure some sub-tasks
// are active on the master when it dies, one worker is frozen while it holds some there, and SIGKILLed once the
// replica is promoted: its sub-tasks, active in the promoted replica's copy, must be taken back by the other
// worker's stalled-job check. The embedded experts only, so sub-tasks are quick.
const ITEMS = 200;
const available = ["redis-server", "redis-cli", "redis-sentinel"].every((bin) => spawnSync(bin, ["--version"]).status === 0);
// On a developer's machine without them the tests skip; in CI a skip would hide an untested path, so they fail.
if (!available && process.env.CI) throw new Error("redis-server, redis-cli or redis-sentinel is missing: CI must run the failover tests");

const dir = mkdtempSync(join(tmpdir(), "kyocho-redis-failover-"));
const running: KyochoProcess[] = [];
let cluster: TestRedisCluster | undefined;
let sentinel: TestRedisSentinel | undefined;

afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => stopKyocho(p)));
  await cluster?.stop();
  await sentinel?.stop();
  cluster = sentinel = undefined;
});

// Short locks and frequent stalled checks, so that a sub-task whose lock died with the master is taken back in seconds.
function startWorkers(env: NodeJS.ProcessEnv): KyochoProcess[] {
  const workers = ["worker-a", "worker-b"].map((name) =>
    startKyocho(["worker", "--name", name, "--concurrency", "4", "--lock-duration", "2000", "--stalled-interval", "500", "--max-stalled", "5"], env),
  );
  running.push(...workers);
  return workers;
}

async function waitForLines(path: string, count: number, batch: KyochoProcess): Promise<void> {
  while (lineCount(path) < count) {
    if (batch.child.exitCode !== null) throw new Error(`the batch ended early:\n${batch.stderr()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Runs a 200-line batch through the queue and the same batch in process; `fault` is called a third of the
 * way through and returns when the replica has been promoted. Returns the figures and the recovery times.
 */
async function batchThroughFailover(
  tag: string,
  env: NodeJS.ProcessEnv,
  workers: KyochoProcess[],
  fault: () => Promise<number>,
  /** The experts whose queues the killed master serves: the frozen worker must hold a sub-task of one of them. */
  onVictim: readonly string[] = referenceExperts.map((e) => e.name),
) {
  const input = join(dir, `${tag}.jsonl`);
  const ids = writeCaseBatch(input, ITEMS, tag);
  const referenceOut = join(dir, `${tag}-reference.jsonl`);
  const undisturbed = startKyocho(["batch", input, "--out", referenceOut, "-q"], {});
  running.push(undisturbed);
  const output = join(dir, `${tag}-out.jsonl`);
  const batch = startKyocho(["batch", input, "--out", output, "--queue", "--concurrency", "16", "-q"], env);
  running.push(batch);

  await waitForLines(output, ITEMS / 3, batch);
  // Freeze worker-a while it holds sub-tasks (look while it is stopped; go on a moment if it holds none).
  const connection = createRedisClient(redisTopologyFromEnv({ ...env, REDIS_URL: undefined }));
  const queues = referenceExperts.map((e) => openExpertQueue(e.name, { connection, prefix: env.KYOCHO_PREFIX ?? "{kyocho}" }));
  const victimQueues = queues.filter((q) => onVictim.includes(q.name));
  const [victim, survivor] = workers as [KyochoProcess, KyochoProcess];
  const held = await freezeWhileHolding(victim.child, victimQueues, "worker-a");
  const linesAtKill = lineCount(output);
  const killedAt = Date.now();
  const promotedPort = await fault();
  const promotedMs = Date.now() - killedAt;
  victim.child.kill("SIGKILL");
  expect(await victim.exited).toBe("SIGKILL");
  // Recovered: the batch writes a line that was not there when the master died.
  const before = lineCount(output);
  await waitForLines(output, Math.min(ITEMS, Math.max(before, linesAtKill) + 1), batch);
  const recoveredMs = Date.now() - killedAt;

  expect(await batch.exited, batch.stderr()).toBe(0);
  expect(await undisturbed.exited, undisturbed.stderr()).toBe(0);
  const figures = batchFigures(ids, readRecords(output), assessmentsById(readRecords(referenceOut)));
  // The frozen worker's sub-tasks were finished by the other one.
  const completed = new Map((await Promise.all(queues.map((q) => q.getJobs(["completed"])))).flat().map((j) => [j.id!, j]));
  const takenBack = held.filter((id) => completed.get(id)?.processedBy === "worker-b").length;
  await Promise.all(queues.map((q) => q.close()));
  connection.disconnect();
  const logs = survivor.stderr();
  printFigures(`${tag} master killed`, figures, {
    "lines written before the kill": linesAtKill,
    "replica promoted after (ms)": promotedMs,
    "first new line after (ms)": recoveredMs,
    "new master port": promotedPort,
    "sub-tasks the frozen, then killed, worker held on the dead master": held.length,
    "finished by the other worker": takenBack,
    "stalled sub-tasks taken back": (logs.match(/running it again/g) ?? []).length,
  });
  process.stdout.write(`[fault] ${tag}: recovered ${(recoveredMs / 1000).toFixed(1)} s after the master was killed\n`);
  expect(figures).toMatchObject({ items: ITEMS, lost: 0, duplicated: 0, errors: 0, differing: 0, wrongApprovals: 0 });
  expect(takenBack).toBe(held.length);
  // The other worker went on through the failover: still running, and never a stack trace.
  expect(survivor.child.exitCode, survivor.stderr()).toBeNull();
  expect(survivor.stderr()).not.toMatch(/\n\s+at /);
  if (env.KYOCHO_REDIS_PASSWORD) expect(survivor.stderr() + batch.stderr()).not.toContain(env.KYOCHO_REDIS_PASSWORD);
  return figures;
}

describe.skipIf(!available)("a Redis master killed during a 200-line batch", () => {
  it("(cluster) the master serving expert:lending dies; its replica takes over its slots; nothing lost or doubled", async () => {
    cluster = await startRedisCluster({ masters: 3, replicas: 1, nodeTimeoutMs: 1_000 });
    const env = { REDIS_URL: undefined, KYOCHO_REDIS_CLUSTER: cluster.seeds, KYOCHO_PREFIX: "{kyocho}" };
    const workers = startWorkers(env);
    await Promise.all(workers.map((w) => w.waitForStderr(/ready on cluster /)));
    const victim = await cluster.masterOf(clusterSlot(expertQueue("lending", "{kyocho}").keyPrefix));
    const c = cluster;
    const onVictim: string[] = [];
    for (const e of referenceExperts) if ((await c.masterOf(clusterSlot(expertQueue(e.name, "{kyocho}").keyPrefix))) === victim) onVictim.push(e.name);
    await batchThroughFailover(
      "cluster",
      env,
      workers,
      async () => {
        const promoted = await c.killMaster(victim);
        // The slot of expert:lending is now served by the promoted replica.
        expect(await c.masterOf(clusterSlot(expertQueue("lending", "{kyocho}").keyPrefix))).toBe(promoted);
        return promoted;
      },
      onVictim,
    );
  }, 90_000);

  it("(Sentinel) the master dies; the sentinels promote the replica; workers and batch follow; nothing lost or doubled", async () => {
    // The master and replica ask for a password (the sentinels do not): KYOCHO_REDIS_PASSWORD reaches whichever is master.
    sentinel = await startRedisSentinel({ replicas: 1, sentinels: 3, downAfterMs: 1_000, password: "sentinel-set-s3cret" });
    const env = {
      REDIS_URL: undefined,
      KYOCHO_REDIS_SENTINELS: sentinel.sentinels,
      KYOCHO_REDIS_SENTINEL_NAME: sentinel.name,
      KYOCHO_REDIS_PASSWORD: "sentinel-set-s3cret",
    };
    const workers = startWorkers(env);
    await Promise.all(workers.map((w) => w.waitForStderr(/ready on sentinel master "kyocho"/)));
    const s = sentinel;
    const oldMaster = await s.master();
    await batchThroughFailover("sentinel", env, workers, async () => {
      const promoted = await s.killMaster();
      expect(promoted).not.toBe(oldMaster);
      return promoted;
    });
  }, 90_000);
});
