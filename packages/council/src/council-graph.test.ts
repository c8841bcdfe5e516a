import { describe, expect, it } from "vitest";
import { defineExpert } from "@kyocho/expert-kit";
import { ModelCallError } from "@kyocho/models";
import { parsePolicy, type Case, type Expert } from "@kyocho/core";
import { createScriptedModelClient, MemoryAuditSink } from "@kyocho/testing";
import type { CouncilEvent } from "./council-events.js";
import { createCouncil } from "./council.js";

const policy = parsePolicy({
  id: "test-policy",
  name: "Test policy",
  merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } },
});

/** An expert that waits `ms`, records when it ran, and reports one finding of `severity`. */
function slowExpert(
  name: string,
  ms: number,
  log: Array<{ name: string; start: number; end: number }>,
  options: { fail?: boolean; severity?: "low" | "medium" | "high"; dependsOn?: string[] } = {},
): Expert<any> {
  return defineExpert({
    name,
    description: `${name} test expert`,
    keywords: [name],
    isRequired: () => true,
    dependsOn: () => options.dependsOn ?? [],
    run: async ({ dependencies }) => {
      const start = performance.now();
      await new Promise((r) => setTimeout(r, ms));
      log.push({ name, start, end: performance.now() });
      if (options.fail) throw new Error(`${name} exploded`);
      return {
        findings: [
          {
            ruleId: `${name.toUpperCase()}-1`,
            severity: options.severity ?? "medium",
            title: name,
            message: `seen deps: ${Object.keys(dependencies).join(",")}`,
            metrics: {},
            citations: [],
            condition: `${name} condition`,
          },
        ],
        metrics: { [`${name}Metric`]: 1 },
      };
    },
  });
}

const someCase = { id: "c-1", bank: { baseCurrency: "JPY", homeCountry: "JP", tier1Capital: 1 }, borrower: { name: "Acme", country: "JP" } } as Case;

describe("council graph", () => {
  it("runs independent sub-tasks concurrently", async () => {
    const log: Array<{ name: string; start: number; end: number }> = [];
    const experts = ["a", "b", "c", "d"].map((n) => slowExpert(n, 100, log));
    const council = createCouncil({ experts, policy });
    const assessment = await council.assess({ question: "q", case: someCase });

    expect(assessment.experts.map((e) => e.status)).toEqual(["ok", "ok", "ok", "ok"]);
    // All four started before any finished.
    const firstEnd = Math.min(...log.map((l) => l.end));
    expect(log.every((l) => l.start < firstEnd)).toBe(true);
  });

  it("starts a dependent sub-task only after its dependency and passes it the result", async () => {
    const log: Array<{ name: string; start: number; end: number }> = [];
    const fx = slowExpert("fx", 50, log);
    const lending = slowExpert("lending", 10, log, { dependsOn: ["fx"] });
    const council = createCouncil({ experts: [lending, fx], policy });
    const assessment = await council.assess({ question: "q", case: someCase });

    const fxRun = log.find((l) => l.name === "fx")!;
    const lendingRun = log.find((l) => l.name === "lending")!;
    expect(lendingRun.start).toBeGreaterThanOrEqual(fxRun.end);
    expect(assessment.plan.tasks.find((t) => t.id === "lending")!.dependsOn).toEqual(["fx"]);
    expect(assessment.findings.find((f) => f.expert === "lending")!.message).toBe("seen deps: fx");
  });

  it("a failing expert is a value: dependants skipped, others intact, assessment incomplete and not approved", async () => {
    const log: Array<{ name: string; start: number; end: number }> = [];
    const fx = slowExpert("fx", 5, log, { fail: true });
    const lending = slowExpert("lending", 5, log, { dependsOn: ["fx"] });
    const legal = slowExpert("legal", 5, log, { severity: "low" });
    const council = createCouncil({ experts: [fx, lending, legal], policy });
    const assessment = await council.assess({ question: "q", case: someCase });

    const status = Object.fromEntries(assessment.experts.map((e) => [e.name, e.status]));
    expect(status).toEqual({ fx: "failed", lending: "skipped", legal: "ok" });
    expect(assessment.experts.find((e) => e.name === "fx")!.error).toMatchObject({ code: "EXPERT_ERROR", message: "fx exploded" });
    expect(assessment.incomplete).toBe(true);
    expect(assessment.findings.map((f) => f.ruleId)).toEqual(["LEGAL-1"]);
    expect(assessment.rating).toBe("low");
    expect(assessment.decision).toBe("escalate");
    expect(assessment.missing.map((m) => m.kind).sort()).toEqual(["expert_failed", "expert_skipped"]);
    expect(log.some((l) => l.name === "lending")).toBe(false);
  });

  it("cascades skips through a chain", async () => {
    const log: Array<{ name: string; start: number; end: number }> = [];
    const a = slowExpert("a", 1, log, { fail: true });
    const b = slowExpert("b", 1, log, { dependsOn: ["a"] });
    const c = slowExpert("c", 1, log, { dependsOn: ["b"] });
    const assessment = await createCouncil({ experts: [a, b, c], policy }).assess({ case: someCase });
    expect(assessment.experts.map((e) => [e.name, e.status])).toEqual([
      ["a", "failed"],
      ["b", "skipped"],
      ["c", "skipped"],
    ]);
  });

  it("times out a hanging expert without sinking the others", async () => {
    const hang = defineExpert({
      name: "hang",
      description: "never answers",
      keywords: [],
      timeoutMs: 50,
      isRequired: () => true,
      run: () => new Promise(() => {}),
    });
    const log: Array<{ name: string; start: number; end: number }> = [];
    const ok = slowExpert("ok", 1, log, { severity: "low" });
    const assessment = await createCouncil({ experts: [hang, ok], policy }).assess({ case: someCase });
    expect(assessment.experts.find((e) => e.name === "hang")).toMatchObject({ status: "failed", error: { code: "TIMEOUT" } });
    expect(assessment.experts.find((e) => e.name === "ok")!.status).toBe("ok");
    expect(assessment.decision).toBe("escalate");
  });

  it("rejects a cyclic plan before running anything, naming the task", async () => {
    const log: Array<{ name: string; start: number; end: number }> = [];
    const council = createCouncil({ experts: [slowExpert("a", 1, log), slowExpert("b", 1, log)], policy });
    const plan = {
      tasks: [
        { id: "a", expert: "a", question: "", dependsOn: ["b"] },
        { id: "b", expert: "b", question: "", dependsOn: ["a"] },
      ],
    };
    await expect(council.assess({ case: someCase, plan })).rejects.toThrow(/plan: plan\.tasks\[0\]\.dependsOn: dependency cycle a → b → a/);
    expect(log).toHaveLength(0);
  });

  it("is an ordinary compiled LangGraph: invoke and stream work", async () => {
    const log: Array<{ name: string; start: number; end: number }> = [];
    const council = createCouncil({ experts: [slowExpert("a", 1, log)], policy });
    const state = await council.graph.invoke({ assessmentId: "x-1", question: "q", case: someCase });
    expect(state.assessment?.id).toBe("x-1");
    const modes: string[] = [];
    for await (const [mode] of await council.graph.stream({ assessmentId: "x-2", question: "q", case: someCase }, { streamMode: ["updates", "custom"] }))
      modes.push(mode);
    expect(modes).toContain("custom");
    expect(modes).toContain("updates");
  });

  it("puts back a required expert that a given plan left out", async () => {
    const log: Array<{ name: string; start: number; end: number }> = [];
    const council = createCouncil({ experts: [slowExpert("a", 1, log), slowExpert("b", 1, log)], policy });
    const assessment = await council.assess({ case: someCase, plan: { tasks: [{ id: "a", expert: "a", question: "only a" }] } });
    expect(assessment.plan.tasks.map((t) => t.expert).sort()).toEqual(["a", "b"]);
    expect(assessment.plan.warnings.join(" ")).toMatch(/b is required/);
  });
  it("an expert written by hand before two phases still runs: its dependants wait for its whole result", async () => {
    const log: Array<{ name: string; start: number; end: number }> = [];
    const definedFx = slowExpert("fx", 1, log);
    // A hand-made Expert: no awaitsAnswerOf, and a run that never reports facts early.
    const handMadeFx: Expert<any> = {
      name: "fx",
      domain: "fx",
      description: "hand-made fx",
      keywords: ["fx"],
      caseSchema: {},
      knowledge: definedFx.knowledge,
      timeoutMs: 1000,
      vetoes: [],
      isRequired: () => true,
      dependsOn: () => [],
      subQuestion: (q) => q,
      resolvePolicy: () => undefined,
      run: async (request) => {
        await new Promise((r) => setTimeout(r, 20));
        log.push({ name: "fx", start: 0, end: performance.now() });
        return {
          taskId: request.task.id,
          expert: "fx",
          domain: "fx",
          role: request.task.role,
          status: "ok",
          findings: [],
          metrics: { fxLoss: 7 },
          citations: [],
          notes: [],
        };
      },
      asNode: () => async () => ({ result: undefined as never }),
    };
    const lending = defineExpert({
      name: "lending",
      description: "reads fx",
      keywords: ["lending"],
      isRequired: () => true,
      dependsOn: () => ["fx"],
      run: ({ dependencies }) => {
        log.push({ name: "lending", start: performance.now(), end: performance.now() });
        return { findings: [], metrics: { seenFxLoss: dependencies.fx?.metrics.fxLoss ?? -1 } };
      },
    });
    const assessment = await createCouncil({ experts: [lending, handMadeFx], policy }).assess({ question: "q", case: someCase });

    expect(assessment.experts.map((e) => [e.name, e.status]).sort()).toEqual([
      ["fx", "ok"],
      ["lending", "ok"],
    ]);
    expect(assessment.experts.find((e) => e.name === "lending")!.metrics.seenFxLoss).toBe(7);
    expect(log.map((l) => l.name)).toEqual(["fx", "lending"]);
  });
  it("graph.invoke without an assessment id derives the one council.assess gives, and every expert is asked under it", async () => {
    const seen: string[] = [];
    const probe = defineExpert({ name: "probe", description: "", keywords: ["probe"], isRequired: () => true, run: () => ({ findings: [] }) });
    const council = createCouncil({ experts: [probe], policy, now: () => new Date("2026-11-30T09:00:00Z") });
    const recording = createCouncil({
      experts: [probe],
      policy,
      now: () => new Date("2026-11-30T09:00:00Z"),
      executor: { kind: "recording", execute: (request) => (seen.push(request.assessmentId), probe.run(request)) },
    });
    const viaAssess = await council.assess({ question: "Can we lend?", case: someCase });
    const { assessment } = await recording.graph.invoke({ question: "Can we lend?", case: someCase });

    expect(viaAssess.id).toMatch(/^a-[0-9a-f]{20}$/);
    expect(assessment!.id).toBe(viaAssess.id);
    expect(seen).toEqual([viaAssess.id]);
  });

  it("writes the executive summary and the audit line inside the run: `summarised` follows `merged`, the audit line comes last", async () => {
    const probe = defineExpert({ name: "probe", description: "", keywords: ["probe"], isRequired: () => true, run: () => ({ findings: [] }) });
    const summary = createScriptedModelClient({
      model: "summary-model",
      replies: [(turns) => JSON.stringify({ executiveSummary: `The decision is ${/"decision":\s*"([a-z_]+)"/.exec(turns.at(-1)!.content)?.[1]}.` })],
    });
    const audit = new MemoryAuditSink();
    const council = createCouncil({ experts: [probe], policy, summary, audit, now: () => new Date("2026-11-30T09:00:00Z") });
    const events: CouncilEvent[] = [];
    const streamed = await council.assess({ question: "Can we lend?", case: someCase }, { onEvent: (e) => events.push(e) });
    const { assessment: invoked } = await council.graph.invoke({ question: "Can we lend?", case: someCase });

    expect(streamed.executiveSummary).toMatchObject({ text: `The decision is ${streamed.decision}.`, model: "summary-model" });
    expect(invoked).toEqual({ ...streamed, experts: streamed.experts.map((e, i) => ({ ...e, latencyMs: invoked!.experts[i]!.latencyMs })) });
    expect(events.map((e) => e.type).slice(-2)).toEqual(["merged", "summarised"]);
    expect(events.at(-1)).toEqual({ type: "summarised", written: true, model: "summary-model" });
    // Two runs, each: the summary's model call, then the assessment's line with that summary.
    expect(audit.entries.map((e) => e.kind)).toEqual(["model_call", "assessment", "model_call", "assessment"]);
    expect(audit.ofKind("assessment")[0]).toMatchObject({ assessmentId: streamed.id, executiveSummary: { model: "summary-model" } });
  });

  it("a summary model that fails leaves the assessment without a summary, says why in the event stream, and still audits it", async () => {
    const probe = defineExpert({ name: "probe", description: "", keywords: ["probe"], isRequired: () => true, run: () => ({ findings: [] }) });
    const summary = createScriptedModelClient({ replies: [new ModelCallError("MODEL_HTTP_ERROR", "HTTP 500 from the summary endpoint")] });
    const audit = new MemoryAuditSink();
    const events: CouncilEvent[] = [];
    const assessment = await createCouncil({ experts: [probe], policy, summary, audit }).assess(
      { question: "q", case: someCase },
      { onEvent: (e) => events.push(e) },
    );

    expect(assessment.executiveSummary).toBeUndefined();
    expect(events.at(-1)).toMatchObject({ type: "summarised", written: false, reason: expect.stringContaining("HTTP 500") });
    expect(audit.ofKind("assessment")).toEqual([expect.objectContaining({ assessmentId: assessment.id, decision: assessment.decision })]);
  });
});
