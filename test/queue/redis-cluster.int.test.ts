import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisCluster, type TestRedisCluster } from "@kyocho/queue/testing";
import { runCliAsync } from "../helpers/run-cli-async.js";
import { exampleCases, writeCaseBatch } from "../faults/helpers/figures.js";
import { readResults } from "./helpers/batch-files.js";
import { startKyocho, stopKyocho, type KyochoProcess } from "./helpers/kyocho-process.js";

// A Redis Cluster of three masters and three replicas, started here on free ports, every node with a password. `kyocho worker` and
// `kyocho batch --queue` run over it, given its seed nodes in KYOCHO_REDIS_CLUSTER (no REDIS_URL): the four
// experts' queues sit on different shards, and every assessment is the one the in-process run gives.
const available = ["redis-server", "redis-cli"].every((bin) => spawnSync(bin, ["--version"]).status === 0);
// On a developer's machine without them the test skips; in CI a skip would hide an untested path, so it fails.
if (!available && process.env.CI) throw new Error("redis-server or redis-cli is missing: CI must run the Redis Cluster tests");

const PASSWORD = "cluster-s3cret-password";
const dir = mkdtempSync(join(tmpdir(), "kyocho-redis-cluster-"));
let cluster: TestRedisCluster;
let env: NodeJS.ProcessEnv;
let worker: KyochoProcess | undefined;

interface QueuesReport {
  redis: string;
  prefixScheme: string;
  queues: Array<{ expert: string; hashTag: string; slot: number; node: string; workers: number | null; counts: Record<string, number> }>;
}

describe.skipIf(!available)("expert queues on a three-master Redis Cluster", () => {
  beforeAll(async () => {
    cluster = await startRedisCluster({ masters: 3, replicas: 1, password: PASSWORD });
    // A fixed prefix: the default scheme puts lending and fx on one shard, legal and markets on another.
    env = { REDIS_URL: undefined, KYOCHO_REDIS_CLUSTER: cluster.seeds, KYOCHO_REDIS_PASSWORD: PASSWORD, KYOCHO_PREFIX: "{kyocho}" };
    worker = startKyocho(["worker", "--name", "cluster-worker", "--concurrency", "4"], env);
    await worker.waitForStderr(/ready on/);
  }, 60_000);

  afterAll(async () => {
    if (worker) await stopKyocho(worker);
    await cluster?.stop();
  });

  it("serves each expert's queue from the master of its own hash tag's slot, on at least two shards", async () => {
    const listed = await runCliAsync(["queues", "--json"], { env });
    expect(listed.code, listed.stderr).toBe(0);
    const report = JSON.parse(listed.stdout) as QueuesReport;
    const nodes = new Set(report.queues.map((q) => q.node));
    expect(nodes.size, `every queue on one shard: ${[...nodes].join(", ")}`).toBeGreaterThanOrEqual(2);
    expect(report.redis).toBe(`cluster ${cluster.seeds}`);
    expect(report.prefixScheme).toBe("per-expert");
    expect(report.queues.map((q) => q.expert)).toEqual(["fx", "legal", "lending", "markets"]);
    for (const queue of report.queues) {
      expect(queue.hashTag).toBe(`kyocho:${queue.expert}`);
      // The node printed is the one CLUSTER NODES says serves the slot.
      expect(queue.node).toBe(`127.0.0.1:${await cluster.masterOf(queue.slot)}`);
      expect(queue.workers).toBe(1);
    }
    const text = await runCliAsync(["queues"], { env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^expert:lending\s+slot\s+\d+ on 127\.0\.0\.1:\d+/m);
  });

  it("runs kyocho batch --queue over the cluster: every example case answered once, each as in process", async () => {
    const cases = exampleCases();
    const input = join(dir, "cases.jsonl");
    writeCaseBatch(input, cases.length * 2, "cluster", cases);
    const reference = join(dir, "reference.jsonl");
    const output = join(dir, "cluster.jsonl");
    const [local, queued] = await Promise.all([
      runCliAsync(["batch", input, "--out", reference, "-q"]),
      runCliAsync(["batch", input, "--out", output, "--queue", "-q"], { env }),
    ]);
    expect(local.code, local.stderr).toBe(0);
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stderr).not.toMatch(/MOVED|CROSSSLOT|internal error/);
    const expected = readResults(reference);
    expect(expected.size).toBe(cases.length * 2);
    expect(readResults(output)).toEqual(expected);
    expect(worker!.stderr()).not.toMatch(/error on expert|MOVED/);
    expect(worker!.stderr()).toMatch(/ready on cluster 127\.0\.0\.1:\d+/);
    expect(worker!.stderr() + queued.stderr).not.toContain(PASSWORD);

    // Every queue did work on the shard it was placed on: its completed jobs are there.
    const report = JSON.parse((await runCliAsync(["queues", "--json"], { env })).stdout) as QueuesReport;
    for (const queue of report.queues) expect(queue.counts.completed, queue.expert).toBeGreaterThan(0);
  }, 60_000);
});
