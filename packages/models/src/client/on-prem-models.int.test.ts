import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expertAnswer, MemoryAuditSink, startTestModelServer, type TestModelServer } from "@kyocho/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { creditExpert, creditRequest, goodAnswer, inventedAnswer, testPolicy } from "../../../../test/helpers/credit-expert.js";
import { AssessmentSchema } from "@kyocho/core";
import { assessmentAuditEntry } from "@kyocho/core/audit";
import type { AuditSink } from "@kyocho/core";
import { AuditLog } from "../audit/audit-log.js";
import { InProcessExecutor } from "@kyocho/core";
import { mergeAssessment } from "@kyocho/core";
import { ModelPlanner } from "../planner/model-planner.js";
import { PlanSchema } from "@kyocho/core";
import { loadModelConfig } from "../registry/load-model-config.js";
import { parseModelConfig, type ModelConfigInput } from "../registry/model-config.js";
import { createModelRegistry } from "../registry/model-registry.js";

// Tier: *.int.test.ts — needs the local OpenAI-compatible test endpoint (started here on 127.0.0.1, port 0).
let server: TestModelServer;
beforeAll(async () => {
  server = await startTestModelServer({ models: ["qwen3-test"] });
});
afterEach(() => server.reset());
afterAll(() => server.close());

const fast = { timeoutMs: 1_000, retryDelayMs: 5 };

function registry(
  endpoint: Partial<NonNullable<NonNullable<ModelConfigInput["models"]>["default"]>> = {},
  options: { audit?: AuditSink; env?: NodeJS.ProcessEnv } = {},
) {
  const config = parseModelConfig({ models: { default: { baseURL: server.baseURL, model: "qwen3-test", ...fast, ...endpoint } } });
  return createModelRegistry(config, { env: options.env ?? {}, audit: options.audit });
}

/** Runs the synthetic credit and treasury experts through an executor with models, and merges. */
async function assess(models: ReturnType<typeof registry> | undefined) {
  const experts = [creditExpert(), creditExpert({ name: "treasury" })];
  const executor = new InProcessExecutor(experts, { models });
  const requests = experts.map((e) => creditRequest(undefined, e.name));
  const results = Object.fromEntries(await Promise.all(requests.map(async (r) => [r.task.id, await executor.execute(r)] as const)));
  return mergeAssessment({
    assessmentId: "a-test",
    question: "Can we lend USD 120m to Sakura Precision?",
    case: requests[0]!.case,
    plan: PlanSchema.parse({ tasks: requests.map((r) => r.task) }),
    results,
    policy: testPolicy,
  });
}

describe("on-premises expert models against the local endpoint", () => {
  it("merges a good structured answer into the assessment", async () => {
    server.script("credit", { json: goodAnswer });
    const assessment = AssessmentSchema.parse(await assess(registry()));

    expect(assessment.findings.map((f) => [f.expert, f.ruleId, f.source])).toEqual([
      ["credit", "CR-DSCR", "rule"],
      ["credit", "CREDIT-MODEL-1", "model"],
      ["treasury", "CR-DSCR", "rule"],
    ]);
    expect(assessment.rating).toBe("medium");
    expect(assessment.decision).toBe("approve_with_conditions");
    const credit = assessment.experts.find((e) => e.name === "credit")!;
    expect(credit.model).toBe("qwen3-test");
    expect(credit.modelUse).toMatchObject({ host: server.host, reasoning: false, outcome: "accepted", findingsAdded: 1, narrative: goodAnswer.narrative });
    expect(assessment.experts.find((e) => e.name === "treasury")!.modelUse).toMatchObject({ outcome: "accepted", findingsAdded: 0 });
  });

  it("sends non-thinking mode on the wire, with the JSON-schema response format and who is asking", async () => {
    server.script("credit", { json: goodAnswer });
    await creditExpert().run(creditRequest(), { model: registry().forExpert("credit") });
    const [request] = server.completionsFor("credit");
    expect(request!.body).toMatchObject({
      model: "qwen3-test",
      temperature: 0,
      chat_template_kwargs: { enable_thinking: false },
      response_format: {
        type: "json_schema",
        json_schema: { name: "expert_answer", schema: { type: "object", required: ["narrative", "findings", "confidence"] } },
      },
    });
    expect(request!.body.messages.map((m: { role: string }) => m.role)).toEqual(["system", "user"]);
    expect(request!.headers).toMatchObject({ "x-kyocho-caller": "credit", "x-kyocho-purpose": "answer", "x-kyocho-assessment": "a-test" });
    expect(request!.body.stream).toBe(false);
  });

  it("sends thinking mode when reasoning is on", async () => {
    server.script("credit", { json: goodAnswer });
    await creditExpert().run(creditRequest(), { model: registry({ reasoning: true }).forExpert("credit") });
    expect(server.completionsFor("credit")[0]!.body.chat_template_kwargs).toEqual({ enable_thinking: true });
  });

  it("strips a <think> block that still comes back", async () => {
    const audit = new MemoryAuditSink();
    server.script("credit", { think: "The DSCR is 1.33x, below 1.40x, so…", json: goodAnswer });
    const result = await creditExpert().run(creditRequest(), { model: registry().forExpert("credit"), audit });
    expect(result.modelUse).toMatchObject({ outcome: "accepted", findingsAdded: 1 });
    // The audit hash is of the content as received, <think> included.
    expect(audit.ofKind("model_call")[0]!.responseSha256).toBe(result.modelUse!.responseSha256);
  });

  it("repairs malformed JSON with one more request", async () => {
    server.script("credit", { content: 'Here is the JSON: {"narrative": "DSCR 1.33x", "findings": [{"severity": "medium",' }, { json: goodAnswer });
    const result = await creditExpert().run(creditRequest(), { model: registry().forExpert("credit") });
    expect(result.modelUse).toMatchObject({ outcome: "accepted", calls: 2 });
    const [, repair] = server.completionsFor("credit");
    expect(repair!.purpose).toBe("repair");
    expect(repair!.body.messages.at(-1).content).toMatch(/^Your reply could not be used: the JSON does not parse/);
  });

  it("rejects invented numbers, retries once naming them, then falls back to the deterministic result", async () => {
    server.respond("credit", { json: inventedAnswer });
    const assessment = await assess(registry());
    const deterministic = await assess(undefined);
    expect(server.completionsFor("credit").map((r) => r.purpose)).toEqual(["answer", "grounding"]);
    expect(server.completionsFor("credit")[1]!.body.messages.at(-1).content).toContain('numbers that are not in the data: "20%"');
    const credit = assessment.experts.find((e) => e.name === "credit")!;
    expect(credit.modelUse).toMatchObject({ outcome: "fallback", findingsAdded: 0 });
    expect(credit.notes.at(-1)).toMatch(/^warning: model qwen3-test at 127\.0\.0\.1:\d+ \(reasoning off\) not used: ungrounded answer after a retry: "20%"/);
    expect(assessment.findings.filter((f) => f.source === "model")).toEqual([]);
    expect([assessment.rating, assessment.decision]).toEqual([deterministic.rating, deterministic.decision]);
  });

  it("retries a 500, and a 429 after its Retry-After", async () => {
    const audit = new MemoryAuditSink();
    server.script("credit", { status: 500, errorMessage: "CUDA out of memory" }, { status: 429, retryAfter: 0 }, { json: goodAnswer });
    const result = await creditExpert().run(creditRequest(), { model: registry().forExpert("credit"), audit });
    expect(result.modelUse).toMatchObject({ outcome: "accepted", calls: 3 });
    expect(audit.ofKind("model_call").map((l) => [l.attempt, l.outcome, l.status])).toEqual([
      [1, "http_error", 500],
      [2, "http_error", 429],
      [3, "ok", undefined],
    ]);
    expect(audit.ofKind("model_call")[0]!.error).toBe(`HTTP 500 from ${server.host}: CUDA out of memory`);
  });

  it("gives up after maxRetries and falls back", async () => {
    server.respond("credit", { status: 503 });
    const result = await creditExpert().run(creditRequest(), { model: registry({ maxRetries: 1 }).forExpert("credit") });
    expect(server.completionsFor("credit")).toHaveLength(2);
    expect(result.modelUse).toMatchObject({ outcome: "fallback", calls: 2 });
    expect(result.modelUse!.reason).toMatch(/^MODEL_HTTP_ERROR: HTTP 503 from/);
  });

  it("cuts a hang with the time limit, without retrying it, and keeps the deterministic result", async () => {
    for (const hang of ["headers", "body"] as const) {
      server.reset();
      server.script("credit", { hang });
      // The endpoint never answers: a result at all means the 200 ms limit cut the call (the reason says which limit).
      const result = await creditExpert().run(creditRequest(), { model: registry({ timeoutMs: 200 }).forExpert("credit") });
      expect(result.status).toBe("ok");
      expect(result.findings).toHaveLength(1);
      expect(result.modelUse).toMatchObject({ outcome: "fallback", reason: `MODEL_TIMEOUT: no answer from ${server.host} within 200 ms` });
      expect(server.completionsFor("credit")).toHaveLength(1);
    }
  });

  it("refuses an external endpoint at start", () => {
    const config = loadModelConfig({ env: { KYOCHO_MODEL_BASE_URL: "https://api.openai.com/v1" } })!;
    expect(() => createModelRegistry(config, { env: {} })).toThrow(
      /^environment: models\.default\.baseURL: https:\/\/api\.openai\.com\/v1 is outside the bank's network/,
    );
  });

  it("writes the audit log without secrets: the key goes on the wire, never into the log", async () => {
    const planted = "sk-planted-0123456789abcdef";
    const keyed = await startTestModelServer({ models: ["qwen3-test"], apiKey: planted });
    try {
      const env = { KYOCHO_MODEL_BASE_URL: keyed.baseURL, KYOCHO_MODEL_API_KEY: planted };
      const dir = mkdtempSync(join(tmpdir(), "kyocho-audit-"));
      const audit = new AuditLog({ path: join(dir, "audit-{date}.jsonl"), includeText: true, env });
      const config = loadModelConfig({ env })!;
      const models = createModelRegistry({ ...config, models: { ...config.models, default: { ...config.models.default!, ...fast } } }, { env, audit });
      // The server echoes the key it was sent in an error, as a misconfigured proxy might.
      keyed.script("credit", (req) => ({ status: 500, errorMessage: `upstream refused ${String(req.headers.authorization)}` }), { json: goodAnswer });
      const experts = [creditExpert()];
      const result = await new InProcessExecutor(experts, { models }).execute(creditRequest());
      const assessment = mergeAssessment({
        assessmentId: "a-test",
        plan: PlanSchema.parse({ tasks: [creditRequest().task] }),
        results: { credit: result },
        policy: testPolicy,
        case: creditRequest().case,
      });
      audit.write(assessmentAuditEntry(assessment));

      expect(keyed.completionsFor("credit")[0]!.headers.authorization).toBe(`Bearer ${planted}`);
      const text = readFileSync(audit.pathFor(new Date()), "utf8");
      expect(text).not.toContain(planted);
      expect(text).toContain("upstream refused Bearer [REDACTED]");
      const lines = text
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.kind, l.outcome ?? null])).toEqual([
        ["model_call", "http_error"],
        ["model_call", "ok"],
        ["expert_answer", "accepted"],
        ["assessment", null],
      ]);
      expect(lines[1]).toMatchObject({
        assessmentId: "a-test",
        caller: "credit",
        endpoint: keyed.host,
        model: "qwen3-test",
        reasoning: false,
        usage: { inputTokens: expect.any(Number) },
      });
      expect(lines[1].promptSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(lines[1].text.prompt[1].content).toContain("Sakura Precision");
      expect(lines[3]).toMatchObject({
        assessmentId: "a-test",
        findings: { rule: 1, model: 1 },
        experts: [{ name: "credit", model: "qwen3-test", endpoint: keyed.host, modelOutcome: "accepted" }],
      });
    } finally {
      await keyed.close();
    }
  });

  it("never sends OPENAI_API_KEY from the environment to the bank's server", async () => {
    const saved = process.env.OPENAI_API_KEY;
    process.env.OPENAI_API_KEY = "sk-personal-openai-key-should-stay-home";
    try {
      server.script("credit", { json: goodAnswer });
      await creditExpert().run(creditRequest(), { model: registry().forExpert("credit") });
      expect(server.completionsFor("credit")[0]!.headers.authorization).toBe("Bearer EMPTY");
    } finally {
      if (saved === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = saved;
    }
  });

  it("asks /v1/models for the model name when none is configured (only KYOCHO_MODEL_BASE_URL set)", async () => {
    const config = loadModelConfig({ env: { KYOCHO_MODEL_BASE_URL: server.baseURL } })!;
    const models = createModelRegistry(config, { env: {} });
    expect(models.forExpert("credit")).toBe(models.forPlanner());
    server.script("credit", { json: goodAnswer });
    const result = await creditExpert().run(creditRequest(), { model: models.forExpert("credit") });
    expect(server.requests[0]!.path).toBe("/v1/models");
    expect(server.completionsFor("credit")[0]!.body.model).toBe("qwen3-test");
    expect(result.modelUse).toMatchObject({ model: "qwen3-test", outcome: "accepted" });
  });
});

describe("the model planner's endpoint", () => {
  it("is handed to ModelPlanner as an audited chat model, in non-thinking mode", async () => {
    const audit = new MemoryAuditSink();
    const config = parseModelConfig({ models: { default: { baseURL: server.baseURL, model: "qwen3-test", ...fast }, planner: { model: "qwen3-planner" } } });
    const models = createModelRegistry(config, { env: {}, audit });
    server.script("planner", {
      think: "credit matters",
      json: { tasks: [{ expert: "credit", question: "Is the DSCR enough?", dependsOn: [] }], rationale: "credit only" },
    });
    const planner = new ModelPlanner({ model: (await models.plannerChatModel())!, timeoutMs: 1_000 });
    const plan = await planner.plan({ question: "Can we lend?", case: creditRequest().case }, { experts: [creditExpert()], policy: testPolicy });

    expect(plan.tasks.map((t) => [t.expert, t.question])).toEqual([["credit", "Is the DSCR enough?"]]);
    const [request] = server.completionsFor("planner");
    expect(request!.body).toMatchObject({ model: "qwen3-planner", chat_template_kwargs: { enable_thinking: false } });
    expect(audit.ofKind("model_call")).toMatchObject([{ caller: "planner", endpoint: server.host, model: "qwen3-planner", reasoning: false, outcome: "ok" }]);
    expect(audit.ofKind("model_call")[0]!.promptSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("a server without structured output", () => {
  it("is asked again without the response format, and from then on in text mode", async () => {
    const plain = await startTestModelServer({
      models: ["llama-test"],
      rejectResponseFormat: true,
      replies: { credit: { content: `\`\`\`json\n${JSON.stringify(expertAnswer())}\n\`\`\`` } },
    });
    try {
      const config = parseModelConfig({ models: { default: { baseURL: plain.baseURL, model: "llama-test", ...fast } } });
      const model = createModelRegistry(config, { env: {} }).forExpert("credit");
      const first = await creditExpert().run(creditRequest(), { model });
      const second = await creditExpert().run(creditRequest(), { model });
      expect([first.modelUse?.outcome, second.modelUse?.outcome]).toEqual(["accepted", "accepted"]);
      expect(plain.completionsFor("credit").map((r) => r.body.response_format?.type ?? "none")).toEqual(["json_schema", "none", "none"]);
    } finally {
      await plain.close();
    }
  });
});
