import { createModelRegistry, parseModelConfig } from "@kyocho/models";
import { loadReferencePolicy, referenceExperts } from "@kyocho/reference-council";
import { createRedisConnection, QueueExecutor, startExpertWorkers, type ExpertWorkerPool } from "@kyocho/queue";
import { deleteKeys, uniquePrefix } from "@kyocho/queue/testing";
import { startTestModelServer, type TestModelServer } from "@kyocho/testing";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleCase, json, serviceFixture, type ServiceFixture } from "../helpers/service-fixture.js";
import { parentOf, recordTraces, type TraceRecorder } from "../helpers/trace-recorder.js";

// Tier: *.int.test.ts — the shared Redis (a unique prefix, removed afterwards), the local test model endpoint, and
// the service answering a POST in process. The assessment's sub-tasks go through the expert queues to workers in
// this process whose experts call the model: every span, from the request's to the model calls', is in one trace.
const MODEL = "kyocho-e2e-trace-model";
const prefix = uniquePrefix("e2e-traces");
const connection = createRedisConnection(process.env.REDIS_URL);
const caseFile = exampleCase("full-council");
let server: TestModelServer;
let recorder: TraceRecorder;
let executor: QueueExecutor;
let pool: ExpertWorkerPool;
let fixture: ServiceFixture;

beforeAll(async () => {
  recorder = recordTraces();
  server = await startTestModelServer({ models: [MODEL] });
  const config = parseModelConfig(
    { models: { default: { baseURL: server.baseURL, model: MODEL, reasoning: false, maxRetries: 0, timeoutMs: 30_000 } }, audit: { enabled: false } },
    { source: "test" },
  );
  const models = createModelRegistry(config, { experts: referenceExperts.map((e) => e.name) });
  pool = startExpertWorkers(referenceExperts, { connection, prefix, policies: [loadReferencePolicy()], models });
  await pool.waitUntilReady();
  executor = new QueueExecutor({ connection, prefix, pollIntervalMs: 200 });
  fixture = await serviceFixture({ executor: () => executor });
});

afterAll(async () => {
  await fixture.close();
  await executor.close();
  await pool.close({ handBack: true });
  await deleteKeys(connection, prefix);
  await connection.quit();
  await server.close();
  await recorder.close();
});

/** The span's ancestors' names, nearest first, as far as the recorded spans go. */
function ancestry(span: ReadableSpan, all: readonly ReadableSpan[]): string[] {
  const names: string[] = [];
  for (let parent = parentOf(span); parent;) {
    const found = all.find((s) => s.spanContext().spanId === parent);
    if (!found) break;
    names.push(found.name);
    parent = parentOf(found);
  }
  return names;
}

describe("the trace of an HTTP request whose sub-tasks are queued", () => {
  it("runs from the request's span through each queued sub-task to its model call in one trace, with no case text", async () => {
    const posted = await fixture.request("/v1/assessments", { ...json({ case: caseFile }), token: "analyst" });
    expect(posted.status).toBe(200);
    await pool.close(); // closing waits for running jobs, so every consumer span has ended

    const spans = recorder.spans();
    const [request, ...otherRequests] = recorder.named("HTTP *");
    expect(otherRequests).toEqual([]);
    expect(request!.name).toBe("HTTP POST /v1/assessments");
    expect(new Set(spans.map((s) => s.spanContext().traceId))).toEqual(new Set([request!.spanContext().traceId]));

    const calls = recorder.named(`chat ${MODEL}`);
    expect(new Set(calls.map((c) => c.attributes["kyocho.caller"]))).toEqual(new Set(["fx", "lending", "legal", "markets"]));
    for (const call of calls) {
      const expert = String(call.attributes["kyocho.caller"]);
      expect(ancestry(call, spans), `${expert}'s model call`).toEqual([
        `process expert:${expert}`,
        `send expert:${expert}`,
        "kyocho.subtask",
        "kyocho.assessment",
        "HTTP POST /v1/assessments",
      ]);
    }

    const text = recorder.attributesText();
    const borrower = (caseFile.borrower as { name: string }).name;
    for (const secret of [borrower, String(caseFile.question), "Redwood Drivetrain"]) expect(text).not.toContain(secret);
  });
});
