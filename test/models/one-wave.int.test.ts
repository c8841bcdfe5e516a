import { join } from "node:path";
import { createModelRegistry, ModelPlanner, parseModelConfig, type ModelRegistry } from "@kyocho/models";
import { defineExpert } from "@kyocho/expert-kit";
import { InProcessExecutor, type Case } from "@kyocho/core";
import { readDataFile } from "@kyocho/core/validation";
import { createReferenceCouncil, referenceExperts } from "@kyocho/reference-council";
import type { CouncilEvent } from "@kyocho/council";
import { DEFAULT_REPLY, startTestModelServer, type RecordedRequest, type TestModelServer } from "@kyocho/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectInOrder } from "../helpers/in-order.js";
import { REPO_ROOT } from "../helpers/run-cli.js";

// Tier: *.int.test.ts — the order in which the council's model calls reach the local test endpoint.
// Order is read from the endpoint's own clock of arrivals and answers; nothing here times anything.
const MODEL = "kyocho-order-model";
const EXPERTS = ["lending", "legal", "fx", "markets"];
/** Lets a gate open on its own if the awaited request never comes, so a broken schedule fails the assertions instead of hanging. */
const LIVENESS_MS = 5_000;

let server: TestModelServer;
beforeAll(async () => {
  server = await startTestModelServer({ models: [MODEL] });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function registry(names: readonly string[] = EXPERTS): ModelRegistry {
  const config = parseModelConfig(
    { models: { default: { baseURL: server.baseURL, model: MODEL, reasoning: false, maxRetries: 0, timeoutMs: 60_000 } }, audit: { enabled: false } },
    { source: "test" },
  );
  return createModelRegistry(config, { experts: names });
}

async function modelPlanner(models: ModelRegistry): Promise<ModelPlanner> {
  const chat = await models.plannerChatModel();
  return new ModelPlanner({ model: chat!, timeoutMs: 60_000 });
}

function fullCouncilCase(): Case {
  return createReferenceCouncil().parseCase(readDataFile(join(REPO_ROOT, "examples/cases/full-council.yaml"), "case file"));
}

/** A gate that opens when `match` arrives at the endpoint, or after the liveness bound. */
function openWhen(match: (r: RecordedRequest) => boolean): Promise<unknown> {
  return Promise.race([server.whenReceived(match), new Promise((resolve) => setTimeout(resolve, LIVENESS_MS))]);
}

const callerIs = (caller: string) => (r: RecordedRequest) => r.caller === caller && r.path.endsWith("/chat/completions");
const first = (caller: string) => {
  const request = server.completionsFor(caller)[0];
  if (!request) throw new Error(`${caller} sent no model request`);
  return request;
};

const PLAN = {
  tasks: [
    { expert: "fx", question: "How much of the USD exposure is hedged?", dependsOn: [] },
    { expert: "lending", question: "Leverage and DSCR with USD revenue stressed net of hedges.", dependsOn: ["fx"] },
    { expert: "legal", question: "Sanctions and KYC on the counterparties.", dependsOn: [] },
    { expert: "markets", question: "Rate and concentration risk of the bonds in the book.", dependsOn: [] },
  ],
  rationale: "Cross-border acquisition finance.",
};

describe("one wave of model calls", () => {
  it("all four reference experts' model requests arrive before any of them is answered", async () => {
    const allFour = openWhen(() => EXPERTS.every((name) => server.completionsFor(name).length > 0));
    server.respond("*", { ...DEFAULT_REPLY, waitFor: allFour });
    const council = createReferenceCouncil({ executor: new InProcessExecutor(referenceExperts, { models: registry() }) });
    const assessment = await council.assess({ question: "Can we lend USD 80m to Hayate Motors?", case: fullCouncilCase() });

    expect(assessment.experts.map((e) => [e.name, e.modelUse?.outcome]).sort()).toEqual(EXPERTS.map((name) => [name, "accepted"]).sort());
    const lastArrival = Math.max(...EXPERTS.map((name) => first(name).receivedOrder));
    const firstAnswer = Math.min(...EXPERTS.map((name) => first(name).answeredOrder!));
    expect(lastArrival).toBeLessThan(firstAnswer);
    // Lending still read fx's facts: its dependency is on the plan and in what it was shown.
    expect(assessment.plan.tasks.find((t) => t.expert === "lending")!.dependsOn).toEqual(["fx"]);
    expect(first("lending").rawBody).toContain("fxLoss");
  });

  it("lending's model request does not wait for fx's answer, and a slow legal holds up nobody", async () => {
    // fx answers only once lending has asked its model; legal only once lending has finished altogether.
    let lendingFinished!: () => void;
    const afterLending = new Promise<void>((resolve) => (lendingFinished = resolve));
    server.respond("fx", { ...DEFAULT_REPLY, waitFor: openWhen(callerIs("lending")) });
    server.respond("legal", { ...DEFAULT_REPLY, waitFor: Promise.race([afterLending, new Promise((r) => setTimeout(r, LIVENESS_MS))]) });
    server.respond("*", DEFAULT_REPLY);
    const events: CouncilEvent[] = [];
    const onEvent = (e: CouncilEvent) => {
      events.push(e);
      if (e.type === "expert_finished" && e.expert === "lending") lendingFinished();
    };
    const council = createReferenceCouncil({ executor: new InProcessExecutor(referenceExperts, { models: registry() }) });
    const assessment = await council.assess({ question: "Can we lend USD 80m to Hayate Motors?", case: fullCouncilCase() }, { onEvent });

    expect(first("lending").receivedOrder).toBeLessThan(first("fx").answeredOrder!);
    // Legal's model was held until lending had finished, and legal still answered: lending waited for nobody it does not depend on.
    expect(first("legal").answeredOrder!).toBeGreaterThan(first("lending").answeredOrder!);
    const finished = events.filter((e) => e.type === "expert_finished").map((e) => (e as { expert: string }).expert);
    expectInOrder(finished, ["lending", "legal"]);
    expect(assessment.experts.every((e) => e.modelUse?.outcome === "accepted")).toBe(true);
    // Facts come before the model's answer, for every expert.
    for (const name of EXPERTS) {
      const factsAt = events.findIndex((e) => e.type === "expert_facts" && e.expert === name);
      const finishedAt = events.findIndex((e) => e.type === "expert_finished" && e.expert === name);
      expect(factsAt, name).toBeGreaterThanOrEqual(0);
      expect(factsAt, name).toBeLessThan(finishedAt);
    }
  });

  it("with a planner model, the required experts' requests arrive before the planner's answer", async () => {
    const required = EXPERTS; // full-council.yaml makes all four required
    server.respond("planner", { json: PLAN, waitFor: openWhen(() => required.every((n) => server.completionsFor(n).length > 0)) });
    server.respond("*", DEFAULT_REPLY);
    const models = registry();
    const events: CouncilEvent[] = [];
    const council = createReferenceCouncil({ executor: new InProcessExecutor(referenceExperts, { models }), planner: await modelPlanner(models) });
    const assessment = await council.assess({ question: "Can we lend USD 80m to Hayate Motors?", case: fullCouncilCase() }, { onEvent: (e) => events.push(e) });

    expect(assessment.plan.planner).toBe("model");
    const plannerAnswer = first("planner").answeredOrder!;
    for (const name of required) expect(first(name).receivedOrder, name).toBeLessThan(plannerAnswer);
    expect(
      assessment.plan.tasks
        .filter((t) => t.speculative)
        .map((t) => t.expert)
        .sort(),
    ).toEqual([...required].sort());
    expect(assessment.plan.warnings.join(" ")).toContain("started before the planner answered");
    // The speculative starts are visible in the event stream, before the plan.
    const plannedAt = events.findIndex((e) => e.type === "planned");
    const speculativeStarts = events.slice(0, plannedAt).filter((e) => e.type === "expert_started" && e.speculative);
    expect(speculativeStarts.length).toBe(required.length);
  });

  it("an expert the planner adds starts when the planner answers; sequential planning starts nobody before it", async () => {
    // A domestic term loan requires lending and legal; markets is the planner's own addition.
    const c = createReferenceCouncil().parseCase(readDataFile(join(REPO_ROOT, "examples/cases/clean-domestic-term-loan.yaml"), "case file"));
    const plan = {
      tasks: ["lending", "legal", "markets"].map((expert) => ({ expert, question: `What does ${expert} see?`, dependsOn: [] })),
      rationale: "",
    };
    for (const planning of ["speculative", "sequential"] as const) {
      server.reset();
      // Speculatively, the planner answers once the required experts have asked their models (it would wait in vain otherwise).
      const required = ["legal", "lending"];
      const gate = planning === "speculative" ? { waitFor: openWhen(() => required.every((n) => server.completionsFor(n).length > 0)) } : {};
      server.respond("planner", { json: plan, ...gate });
      server.respond("*", DEFAULT_REPLY);
      const models = registry();
      const events: CouncilEvent[] = [];
      const council = createReferenceCouncil({ executor: new InProcessExecutor(referenceExperts, { models }), planner: await modelPlanner(models), planning });
      const assessment = await council.assess({ question: "Can we lend JPY 5bn to Hoshino Foods?", case: c }, { onEvent: (e) => events.push(e) });
      const requiredExperts = assessment.plan.tasks.filter((t) => t.role === "required").map((t) => t.expert);
      expect(requiredExperts.sort(), planning).toEqual(required);
      const plannerAnswer = first("planner").answeredOrder!;
      expect(first("markets").receivedOrder, `${planning}: markets is the planner's own`).toBeGreaterThan(plannerAnswer);
      const plannedAt = events.findIndex((e) => e.type === "planned");
      const startedEarly = events
        .slice(0, plannedAt)
        .filter((e) => e.type === "expert_started")
        .map((e) => (e as { expert: string }).expert);
      if (planning === "speculative") {
        for (const name of required) expect(first(name).receivedOrder, name).toBeLessThan(plannerAnswer);
        expect(startedEarly.sort()).toEqual(required);
      } else {
        expect(startedEarly).toEqual([]);
        for (const name of required) expect(first(name).receivedOrder, name).toBeGreaterThan(plannerAnswer);
      }
      expect(
        assessment.plan.tasks
          .filter((t) => t.speculative)
          .map((t) => t.expert)
          .sort(),
      ).toEqual(planning === "speculative" ? required : []);
    }
  });

  it("a failed planner still yields the embedded plan, and the early experts' work is kept", async () => {
    server.respond("planner", { status: 500, errorMessage: "planner down" });
    server.respond("*", DEFAULT_REPLY);
    const models = registry();
    const council = createReferenceCouncil({ executor: new InProcessExecutor(referenceExperts, { models }), planner: await modelPlanner(models) });
    const question = "Can we lend USD 80m to Hayate Motors?";
    const assessment = await council.assess({ question, case: fullCouncilCase() });
    const embedded = await createReferenceCouncil().assess({ question, case: fullCouncilCase() });

    expect(assessment.plan.planner).toMatch(/^embedded \(fallback/);
    expect(assessment.plan.tasks.map((t) => [t.id, t.dependsOn, t.role])).toEqual(embedded.plan.tasks.map((t) => [t.id, t.dependsOn, t.role]));
    expect([assessment.rating, assessment.decision]).toEqual([embedded.rating, embedded.decision]);
    // Each expert asked its model once: the early start was not thrown away and redone.
    for (const name of EXPERTS) expect(server.completionsFor(name), name).toHaveLength(1);
  });

  it("an expert that declares it needs another's answer waits for that answer, and the plan says so", async () => {
    const reviewer = defineExpert({
      name: "reviewer",
      description: "reads the fx expert's model narrative",
      keywords: ["review"],
      isRequired: () => true,
      dependsOn: () => [{ expert: "fx", on: "answer" }],
      run: ({ dependencies }) => ({ findings: [], metrics: { sawFxModel: dependencies.fx?.modelUse ? 1 : 0 } }),
    });
    const experts = [...referenceExperts, reviewer];
    server.respond("*", DEFAULT_REPLY);
    const council = createReferenceCouncil({ experts, executor: new InProcessExecutor(experts, { models: registry(experts.map((e) => e.name)) }) });
    const assessment = await council.assess({ question: "Can we lend USD 80m to Hayate Motors?", case: fullCouncilCase() });

    const task = assessment.plan.tasks.find((t) => t.expert === "reviewer")!;
    expect(task.awaitsAnswer).toEqual(["fx"]);
    expect(first("reviewer").receivedOrder).toBeGreaterThan(first("fx").answeredOrder!);
    expect(assessment.experts.find((e) => e.name === "reviewer")!.metrics.sawFxModel).toBe(1);
    // Lending, bound to fx's facts, still did not wait for fx's answer's arrival order to matter.
    expect(assessment.plan.tasks.find((t) => t.expert === "lending")!.awaitsAnswer).toBeUndefined();
  });
});

describe("the same assessments as plan-then-run", () => {
  it("every example case: with expert models and a speculating planner model, the rule findings, rating and decision of the embedded run", async () => {
    const { readdirSync } = await import("node:fs");
    const dir = join(REPO_ROOT, "examples/cases");
    const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThanOrEqual(30);
    const plain = createReferenceCouncil();
    const models = registry();
    const council = createReferenceCouncil({ executor: new InProcessExecutor(referenceExperts, { models }), planner: await modelPlanner(models) });
    const ruleView = (a: Awaited<ReturnType<typeof plain.assess>>) => ({
      rating: a.rating,
      decision: a.decision,
      incomplete: a.incomplete,
      vetoes: a.vetoes,
      findings: a.findings.filter((f) => f.source !== "model").map((f) => `${f.expert} ${f.ruleId} ${f.severity} ${f.message}`),
      experts: a.experts.map((e) => `${e.name}:${e.status}:${e.role}`).sort(),
    });
    for (const file of files) {
      const c = plain.parseCase(readDataFile(join(dir, file), "case file"));
      const question = c.question ?? "";
      const embedded = await plain.assess({ question, case: c });
      server.reset();
      // The planner model names the experts the embedded planner chose, so both runs consult the same experts.
      server.respond("planner", {
        json: {
          tasks: embedded.plan.tasks.map((t) => ({ expert: t.expert, question: `${t.question} (as the planner puts it)`, dependsOn: [] })),
          rationale: "",
        },
      });
      server.respond("*", DEFAULT_REPLY);
      const withModels = await council.assess({ question, case: c });
      expect(withModels.plan.planner, file).toBe("model");
      expect(ruleView(withModels), file).toEqual(ruleView(embedded));
    }
  });
});
