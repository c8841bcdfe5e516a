import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceExperts } from "@kyocho/reference-council";
import {
  createRedisConnection,
  expertQueue,
  jobIdFor,
  openExpertQueue,
  QueueExecutor,
  startExpertWorkers,
  toExpertJobData,
  type ExpertWorkerPool,
} from "@kyocho/queue";
import type { ExpertRequest } from "@kyocho/core";
import { deleteKeys, syntheticExpert, syntheticPolicy, uniquePrefix } from "@kyocho/queue/testing";
import { EXAMPLE_CASE } from "../queue/helpers/batch-files.js";
import { startKyocho, stopKyocho } from "../queue/helpers/kyocho-process.js";

// Tier: *.int.test.ts — the shared Redis. A finished job holds the case it was asked about (customer data):
// how long Redis keeps finished jobs, by age and by count, is configurable, and is what happens.
const prefix = uniquePrefix("retention");
const connection = createRedisConnection(process.env.REDIS_URL);
const policy = syntheticPolicy();
let pool: ExpertWorkerPool;

const request = (assessmentId: string): ExpertRequest => ({
  assessmentId,
  task: { id: "fx", expert: "fx", question: `What about ${assessmentId}?`, dependsOn: [], role: "required" },
  case: { borrower: { name: "Customer data K.K.", country: "JP" } } as never,
  policy,
  dependencies: {},
});
const idOf = (assessmentId: string) => jobIdFor(toExpertJobData(request(assessmentId)));

beforeAll(async () => {
  pool = startExpertWorkers([syntheticExpert("fx")], { connection, prefix, policies: [policy] });
  await pool.waitUntilReady();
});
afterAll(async () => {
  await pool.close();
  await deleteKeys(connection, prefix);
  await deleteKeys(connection, `${prefix.slice(0, -1)}-cli}`);
  await connection.quit();
});

async function completed(p: string, expert = "fx"): Promise<string[]> {
  const queue = openExpertQueue(expert, { connection, prefix: p });
  try {
    return (await queue.getJobs(["completed"])).map((j) => j.id!);
  } finally {
    await queue.close();
  }
}

describe("completed job retention", () => {
  it("by count: no more than the configured number of finished jobs stay in Redis, with their data", async () => {
    const executor = new QueueExecutor({ connection, prefix, retention: { completed: { count: 3 } }, pollIntervalMs: 200 });
    try {
      for (let i = 0; i < 8; i++) expect((await executor.execute(request(`count-${i}`))).status).toBe("ok");
    } finally {
      await executor.close();
    }
    const kept = await completed(prefix);
    expect(kept.sort()).toEqual(["count-5", "count-6", "count-7"].map(idOf).sort());
    // The jobs let go of are gone, data and all.
    expect(await connection.exists(`${expertQueue("fx", prefix).keyPrefix}:${idOf("count-0")}`)).toBe(0);
  });

  it("by age: a job older than the limit goes when the next one finishes", async () => {
    const executor = new QueueExecutor({ connection, prefix, retention: { completed: { age: 1, count: 1_000 } }, pollIntervalMs: 200 });
    try {
      await executor.execute(request("age-old"));
      await new Promise((r) => setTimeout(r, 2_100));
      await executor.execute(request("age-new"));
    } finally {
      await executor.close();
    }
    const kept = await completed(prefix);
    expect(kept).toContain(idOf("age-new"));
    expect(kept).not.toContain(idOf("age-old"));
  });

  it("from the environment (KYOCHO_KEEP_COMPLETED_JOBS) through kyocho worker and kyocho batch --queue", async () => {
    const cliPrefix = `${prefix.slice(0, -1)}-cli}`;
    const env = { KYOCHO_PREFIX: cliPrefix, KYOCHO_KEEP_COMPLETED_JOBS: "2" };
    const dir = mkdtempSync(join(tmpdir(), "kyocho-retention-"));
    const input = join(dir, "in.jsonl");
    writeFileSync(
      input,
      `${Array.from({ length: 6 }, (_, i) => JSON.stringify({ id: `r${i}`, question: `Can we lend? (${i})`, caseFile: EXAMPLE_CASE })).join("\n")}\n`,
    );
    const worker = startKyocho(["worker", "--name", "retention-worker"], env);
    try {
      await worker.waitForStderr(/ready on/);
      const batch = startKyocho(["batch", input, "--out", join(dir, "out.jsonl"), "--queue", "-q", "--concurrency", "1"], env);
      expect(await batch.exited, batch.stderr()).toBe(0);
    } finally {
      await stopKyocho(worker);
    }
    for (const expert of referenceExperts.map((e) => e.name)) expect((await completed(cliPrefix, expert)).length, expert).toBeLessThanOrEqual(2);
    expect((await completed(cliPrefix, "legal")).length).toBe(2);
  }, 30_000);
});
