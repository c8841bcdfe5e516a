import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDataFile } from "@kyocho/core/validation";
import type { Assessment } from "@kyocho/core";
import { createReferenceCouncil, referenceExperts } from "@kyocho/reference-council";
import { createRedisConnection, QueueExecutor, startExpertWorkers, type ExpertWorkerPool } from "@kyocho/queue";
import { deleteKeys, uniquePrefix } from "../../packages/queue/src/testing/index.js";
import { runCli } from "../helpers/run-cli.js";
import { EXAMPLE_CASE } from "./helpers/batch-files.js";
import { startKyocho, stopKyocho } from "./helpers/kyocho-process.js";

const prefix = uniquePrefix("council");
const connection = createRedisConnection(process.env.REDIS_URL);
const executor = new QueueExecutor({ connection, prefix });
let pool: ExpertWorkerPool;

const local = createReferenceCouncil();
const queued = createReferenceCouncil({ executor });
const withoutLatency = (a: Assessment) => JSON.parse(JSON.stringify(a, (k, v) => (k === "latencyMs" ? undefined : v)));

beforeAll(async () => {
  pool = startExpertWorkers(referenceExperts, { connection, prefix, policies: [local.policy], concurrency: 4 });
  await pool.waitUntilReady();
});

afterAll(async () => {
  await executor.close();
  await pool.close();
  await deleteKeys(connection, prefix);
  await connection.quit();
});

describe("the reference council through the queue", () => {
  const raw = readDataFile(EXAMPLE_CASE, "case file") as Record<string, any>;
  const variants: Array<[string, { question?: string; case?: Record<string, unknown> }]> = [
    ["the shipped acquisition case", { case: raw }],
    ["a question in Japanese", { question: "円安はこの借り手のコベナンツに影響する？", case: raw }],
    ["a case with a gap (no financials)", { question: "Can we lend?", case: { ...raw, borrower: { ...raw.borrower, financials: undefined } } }],
    ["a question without a case", { question: "What is our exposure to a USD rate shock?" }],
  ];

  it.each(variants)("gives the same assessment as in process: %s", async (_, input) => {
    const c = input.case ? local.parseCase(JSON.parse(JSON.stringify(input.case))) : undefined;
    const inProcess = await local.assess({ question: input.question, case: c });
    const throughQueue = await queued.assess({ question: input.question, case: c });
    expect(withoutLatency(throughQueue)).toEqual(withoutLatency(inProcess));
    expect(throughQueue.experts.length).toBeGreaterThan(0);
  });

  it("kyocho ask --queue prints what kyocho ask prints", async () => {
    const worker = startKyocho(["worker", "--name", "ask-worker"], { KYOCHO_PREFIX: `${prefix.slice(0, -1)}-ask}` });
    try {
      await worker.waitForStderr(/ready on/);
      const viaQueue = runCli(["ask", "--queue", "--json", "--case", EXAMPLE_CASE], {
        env: { KYOCHO_PREFIX: `${prefix.slice(0, -1)}-ask}` },
        sharedRedis: true,
      });
      const inProcess = runCli(["ask", "--json", "--case", EXAMPLE_CASE]);
      expect(viaQueue.code, viaQueue.stderr).toBe(0);
      expect(viaQueue.stderr).not.toMatch(/no worker/);
      expect(withoutLatency(JSON.parse(viaQueue.stdout))).toEqual(withoutLatency(JSON.parse(inProcess.stdout)));
    } finally {
      await stopKyocho(worker);
      await deleteKeys(connection, `${prefix.slice(0, -1)}-ask}`);
    }
  }, 30_000);
});
