import { trace } from "@opentelemetry/api";
import type { ExpertRequest } from "@kyocho/core";
import { createModelRegistry, parseModelConfig } from "@kyocho/models";
import { startTestModelServer, type TestModelServer } from "@kyocho/testing";
import { createRedisConnection, jobIdFor, openExpertQueue, QueueExecutor, startExpertWorkers, toExpertJobData, type ExpertWorkerPool } from "@kyocho/queue";
import { deleteKeys, syntheticExpert, syntheticPolicy, uniquePrefix } from "@kyocho/queue/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parentOf, recordTraces, type TraceRecorder } from "../helpers/trace-recorder.js";

// Tier: *.int.test.ts — the shared Redis (a unique prefix, removed afterwards) and the local test model endpoint.
// A sub-task goes through the queue to a worker in this process whose expert calls the model: the producer span,
// the worker's consumer span and its model call all join the caller's trace, carried by the job's `trace` field.
const MODEL = "kyocho-queue-trace-model";
const QUESTION = "Does Hayate Motors carry the USD exposure of its US acquisition?";
const prefix = uniquePrefix("traces");
const connection = createRedisConnection(process.env.REDIS_URL);
const policy = syntheticPolicy();
let server: TestModelServer;
let recorder: TraceRecorder;
let executor: QueueExecutor;
let pool: ExpertWorkerPool;

beforeAll(async () => {
  recorder = recordTraces();
  server = await startTestModelServer({ models: [MODEL] });
  const config = parseModelConfig(
    { models: { default: { baseURL: server.baseURL, model: MODEL, reasoning: false, maxRetries: 0, timeoutMs: 30_000 } }, audit: { enabled: false } },
    { source: "test" },
  );
  const models = createModelRegistry(config, { experts: ["fx"] });
  pool = startExpertWorkers([syntheticExpert("fx")], { connection, prefix, policies: [policy], models });
  await pool.waitUntilReady();
  executor = new QueueExecutor({ connection, prefix, pollIntervalMs: 200 });
});

afterAll(async () => {
  await executor.close();
  await pool.close({ handBack: true });
  await deleteKeys(connection, prefix);
  await connection.quit();
  await server.close();
  await recorder.close();
});

const request: ExpertRequest = {
  assessmentId: "a-queued-trace",
  task: { id: "fx", expert: "fx", question: QUESTION, dependsOn: [], role: "required" },
  case: { bank: { baseCurrency: "JPY", homeCountry: "JP" }, borrower: { name: "Hayate Motors K.K.", country: "JP" } },
  policy,
  dependencies: {},
};

describe("a queued sub-task's trace", () => {
  it("joins producer, worker and model call in the caller's trace, the job carrying only a traceparent", async () => {
    const result = await trace.getTracer("test").startActiveSpan("caller", async (span) => {
      try {
        return await executor.execute(request);
      } finally {
        span.end();
      }
    });
    expect(result.status).toBe("ok");
    await pool.close(); // closing waits for the running job, so its consumer span has ended

    const [caller] = recorder.named("caller");
    const traceId = caller!.spanContext().traceId;
    const [producer] = recorder.named("send expert:fx");
    const [consumer] = recorder.named("process expert:fx");
    const calls = recorder.named(`chat ${MODEL}`);
    expect(producer, "producer span").toBeDefined();
    expect(consumer, "consumer span").toBeDefined();
    expect(calls.length).toBeGreaterThan(0);
    for (const span of [producer!, consumer!, ...calls]) expect(span.spanContext().traceId, span.name).toBe(traceId);
    expect(parentOf(producer!)).toBe(caller!.spanContext().spanId);
    expect(parentOf(consumer!)).toBe(producer!.spanContext().spanId);
    for (const call of calls) expect(parentOf(call)).toBe(consumer!.spanContext().spanId);

    const id = jobIdFor(toExpertJobData(request));
    expect(producer!.attributes).toMatchObject({ "messaging.system": "bullmq", "messaging.message.id": id, "kyocho.subtask.status": "ok" });
    expect(consumer!.attributes).toMatchObject({ "messaging.message.id": id, "kyocho.expert": "fx" });
    // The job id ignores the trace context (a re-submitted question finds its job), and the job holds nothing else of it.
    const queue = openExpertQueue("fx", { connection, prefix });
    const job = await queue.getJob(id);
    await queue.close();
    expect(Object.keys((job!.data as { trace: object }).trace)).toEqual(["traceparent"]);
    expect((job!.data as { trace: { traceparent: string } }).trace.traceparent).toContain(traceId);

    const text = recorder.attributesText();
    for (const secret of [QUESTION, "Hayate"]) expect(text).not.toContain(secret);
  });
});
