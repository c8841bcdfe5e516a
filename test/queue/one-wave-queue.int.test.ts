import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModelRegistry, parseModelConfig } from "@kyocho/models";
import { readDataFile } from "@kyocho/core/validation";
import { createReferenceCouncil, referenceExperts } from "@kyocho/reference-council";
import { createRedisConnection, QueueExecutor, startExpertWorkers, type ExpertWorkerPool } from "@kyocho/queue";
import { DEFAULT_REPLY, startTestModelServer, type TestModelServer } from "@kyocho/testing";
import { deleteKeys, uniquePrefix } from "@kyocho/queue/testing";
import { REPO_ROOT } from "../helpers/run-cli.js";

// Tier: *.int.test.ts — the shared Redis and the local test endpoint. Through the queue, as in process, the four
// reference experts' models run in one wave: lending's model does not wait for fx's answer, because fx's worker
// publishes fx's facts before its model answers and the council starts lending on them. Order is read from the
// endpoint's own record of arrivals and answers; nothing here times anything.
const MODEL = "kyocho-queue-wave-model";
const EXPERTS = ["lending", "legal", "fx", "markets"];
/** Lets the gate open on its own if the awaited requests never come, so a broken schedule fails the assertions instead of hanging. */
const LIVENESS_MS = 5_000;
const prefix = uniquePrefix("wave");
const connection = createRedisConnection(process.env.REDIS_URL);
const council = createReferenceCouncil();
let server: TestModelServer;
let pool: ExpertWorkerPool;
let executor: QueueExecutor;

beforeAll(async () => {
  server = await startTestModelServer({ models: [MODEL] });
  const config = parseModelConfig(
    { models: { default: { baseURL: server.baseURL, model: MODEL, reasoning: false, maxRetries: 0, timeoutMs: 60_000 } }, audit: { enabled: false } },
    { source: "test" },
  );
  pool = startExpertWorkers(referenceExperts, { connection, prefix, policies: [council.policy], models: createModelRegistry(config, { experts: EXPERTS }) });
  await pool.waitUntilReady();
  executor = new QueueExecutor({ connection, prefix });
});

afterAll(async () => {
  await executor.close();
  await pool.close({ handBack: true });
  await deleteKeys(connection, prefix);
  await connection.quit();
  await server.close();
});

describe("one wave of model calls through the queue", () => {
  it("all four experts' model requests, lending's included, arrive before any of them is answered", async () => {
    const allFour = Promise.race([
      server.whenReceived(() => EXPERTS.every((name) => server.completionsFor(name).length > 0)),
      new Promise((resolve) => setTimeout(resolve, LIVENESS_MS)),
    ]);
    server.respond("*", { ...DEFAULT_REPLY, waitFor: allFour });
    const queued = createReferenceCouncil({ executor });
    const c = queued.parseCase(readDataFile(join(REPO_ROOT, "examples/cases/full-council.yaml"), "case file"));
    const assessment = await queued.assess({ question: "Can we lend USD 80m to Hayate Motors?", case: c });

    expect(assessment.plan.tasks.find((t) => t.expert === "lending")?.dependsOn).toContain("fx");
    expect(assessment.experts.map((e) => [e.name, e.modelUse?.outcome]).sort()).toEqual(EXPERTS.map((name) => [name, "accepted"]).sort());
    const first = (name: string) => server.completionsFor(name)[0]!;
    const lastArrival = Math.max(...EXPERTS.map((name) => first(name).receivedOrder));
    const firstAnswer = Math.min(...EXPERTS.map((name) => first(name).answeredOrder!));
    expect(lastArrival).toBeLessThan(firstAnswer);
    expect(first("lending").receivedOrder).toBeLessThan(first("fx").answeredOrder!);
  });
});
