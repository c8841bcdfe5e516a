import { join } from "node:path";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { InProcessExecutor, type Case } from "@kyocho/core";
import { readDataFile } from "@kyocho/core/validation";
import { createModelRegistry, parseModelConfig } from "@kyocho/models";
import { createReferenceCouncil, referenceExperts } from "@kyocho/reference-council";
import { startTestModelServer, type TestModelServer } from "@kyocho/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/run-cli.js";
import { parentOf, recordTraces, type TraceRecorder } from "../helpers/trace-recorder.js";

// Tier: *.int.test.ts — the reference council's experts call the local OpenAI-compatible test endpoint, and the
// SDK's in-memory exporter collects the spans: one trace, assessment → plan and sub-tasks → each sub-task's model
// call, with the GenAI attributes and nothing of the case or the question in any attribute.
const MODEL = "kyocho-trace-model";
const QUESTION = "Can we lend USD 80m to Hayate Motors for its US acquisition, given that we already hold its bonds?";

let server: TestModelServer;
let recorder: TraceRecorder;
beforeAll(async () => {
  recorder = recordTraces();
  server = await startTestModelServer({ models: [MODEL] });
});
afterAll(async () => {
  await server.close();
  await recorder.close();
});
beforeEach(() => {
  server.reset();
  recorder.exporter.reset();
});

function council() {
  const config = parseModelConfig(
    { models: { default: { baseURL: server.baseURL, model: MODEL, reasoning: false, maxRetries: 0, timeoutMs: 60_000 } }, audit: { enabled: false } },
    { source: "test" },
  );
  const models = createModelRegistry(config, { experts: referenceExperts.map((e) => e.name) });
  return createReferenceCouncil({ executor: new InProcessExecutor(referenceExperts, { models }) });
}

function fullCouncilCase(c: ReturnType<typeof council>): Case {
  return c.parseCase(readDataFile(join(REPO_ROOT, "examples/cases/full-council.yaml"), "case file"));
}

describe("the trace of an in-process assessment", () => {
  it("is one trace: the assessment, its plan and sub-tasks as children, each model call a child of its sub-task", async () => {
    const c = council();
    const assessment = await c.assess({ question: QUESTION, case: fullCouncilCase(c) });

    const [root, ...extraRoots] = recorder.named("kyocho.assessment");
    expect(extraRoots).toEqual([]);
    expect(root!.attributes).toMatchObject({
      "kyocho.assessment.id": assessment.id,
      "kyocho.policy.id": c.policy.id,
      "kyocho.assessment.decision": assessment.decision,
      "kyocho.assessment.rating": assessment.rating,
    });
    const traceId = root!.spanContext().traceId;
    expect(new Set(recorder.spans().map((s) => s.spanContext().traceId))).toEqual(new Set([traceId]));

    const rootId = root!.spanContext().spanId;
    const [plan] = recorder.named("kyocho.plan");
    expect(parentOf(plan!)).toBe(rootId);
    const subtasks = recorder.named("kyocho.subtask");
    expect(subtasks.map((s) => s.attributes["kyocho.expert"]).sort()).toEqual(["fx", "legal", "lending", "markets"]);
    for (const s of subtasks) {
      expect(parentOf(s), `${String(s.attributes["kyocho.expert"])} sub-task`).toBe(rootId);
      expect(s.attributes["kyocho.subtask.status"]).toBe("ok");
    }

    // Every expert's model call (one each: the endpoint's default reply is grounded) is a child of its own sub-task.
    const calls = recorder.named(`chat ${MODEL}`);
    expect(calls.length).toBe(server.requests.filter((r) => r.path.endsWith("/chat/completions")).length);
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (const call of calls) {
      const owner = subtasks.find((s) => s.spanContext().spanId === parentOf(call));
      expect(owner?.attributes["kyocho.expert"], "the sub-task that made the call").toBe(call.attributes["kyocho.caller"]);
      expect(call.kind).toBe(SpanKind.CLIENT);
      expect(call.attributes).toMatchObject({
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": MODEL,
        "gen_ai.response.model": MODEL,
        "server.address": "127.0.0.1",
        "server.port": Number(new URL(server.baseURL).port),
        "kyocho.purpose": "answer",
      });
      expect(call.attributes["gen_ai.usage.input_tokens"]).toEqual(expect.any(Number));
      expect(call.attributes["gen_ai.usage.output_tokens"]).toEqual(expect.any(Number));
    }
  });

  it("records no text of the question or the case in any span, and a failed model call as an error", async () => {
    server.respond("fx", { status: 503, errorMessage: `overloaded while reading ${QUESTION}` });
    const c = council();
    await c.assess({ question: QUESTION, case: fullCouncilCase(c) });

    const text = recorder.attributesText();
    expect(recorder.spans().length).toBeGreaterThan(6);
    for (const secret of [QUESTION, "Hayate", "Redwood Drivetrain", "Lion City Capital", "drivetrain"]) expect(text).not.toContain(secret);
    const [failed] = recorder.named(`chat ${MODEL}`).filter((s) => s.attributes["kyocho.caller"] === "fx");
    expect(failed!.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed!.attributes).toMatchObject({ "error.type": "MODEL_HTTP_ERROR", "http.response.status_code": 503 });
  });
});
