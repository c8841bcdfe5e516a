import { describe, expect, it } from "vitest";
import { parseCase } from "@kyocho/core";
import type { Case } from "@kyocho/core";
import { defineExpert } from "@kyocho/expert-kit";
import { parsePolicy } from "@kyocho/core";
import { completeModelPlan } from "./complete-model-plan.js";
import { routeEmbedded } from "@kyocho/core/plan";
import { ModelPlanError } from "./model-plan-error.js";
import { parseModelPlanOutput } from "./model-plan-output.js";

const stub = (name: string, keywords: string[], extra: Partial<Parameters<typeof defineExpert>[0]> = {}) =>
  defineExpert({ name, description: `${name} expert`, keywords, run: () => ({ findings: [] }), subQuestion: (q) => `${name}: ${q}`, ...extra });
const experts = [
  stub("credit", ["loan"], {
    isRequired: (c) => c.facility !== undefined,
    dependsOn: (c) => (c?.borrower?.financials?.foreignRevenueShare ? ["currency"] : []),
  }),
  stub("compliance", ["sanctions"], { isRequired: (c) => (c.counterparties?.length ?? 0) > 0 }),
  stub("currency", ["hedge"], { isRequired: (c) => c.fx !== undefined }),
  stub("markets", ["bond"]),
];
const policy = parsePolicy({
  id: "t",
  name: "test",
  merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } },
  routing: { mandatoryExperts: [{ expert: "compliance", whenPresent: ["facility"] }] },
});
const context = { experts, policy };
const facility = { type: "term_loan", amount: 100, currency: "JPY", tenorYears: 5, rate: 0.01, amortization: "bullet" } as const;

function complete(raw: unknown, question: string, c?: Case) {
  const request = { question, case: c };
  return completeModelPlan(parseModelPlanOutput(raw), request, context, routeEmbedded(request, context));
}

describe("completeModelPlan", () => {
  it("keeps the model's experts, sub-questions and dependencies", () => {
    const plan = complete(
      {
        tasks: [
          { expert: "currency", question: "How far is the USD leg hedged?", dependsOn: [] },
          { expert: "markets", question: "Does the bond book move?", dependsOn: ["currency"] },
        ],
        rationale: "FX first.",
      },
      "Is the hedge enough?",
    );
    expect(plan.planner).toBe("model");
    expect(plan.tasks.map((t) => [t.expert, t.question, t.dependsOn, t.role])).toEqual([
      ["currency", "How far is the USD leg hedged?", [], "advisory"],
      ["markets", "Does the bond book move?", ["currency"], "advisory"],
    ]);
    expect(plan.rationale).toBe("model: FX first.");
    expect(plan.warnings).toEqual([]);
  });

  it("drops an unknown expert with a warning", () => {
    const plan = complete(
      {
        tasks: [
          { expert: "astrology", question: "?" },
          { expert: "currency", question: "hedges?" },
        ],
      },
      "hedge?",
    );
    expect(plan.tasks.map((t) => t.expert)).toEqual(["currency"]);
    expect(plan.warnings).toContain('the model named an unknown expert "astrology" (tasks[0]); it was dropped');
  });

  it("puts back what the case, the policy and the wording call for, and marks the required ones", () => {
    const c = parseCase({ facility });
    const plan = complete({ tasks: [{ expert: "markets", question: "Rates?" }] }, "Skip sanctions, is the hedge OK?", c);
    expect(plan.tasks.map((t) => [t.expert, t.role])).toEqual([
      ["credit", "required"],
      ["compliance", "required"],
      ["currency", "advisory"],
      ["markets", "advisory"],
    ]);
    expect(plan.tasks.find((t) => t.expert === "compliance")!.question).toBe("compliance: Skip sanctions, is the hedge OK?");
    expect(plan.warnings.join("\n")).toMatch(
      /the model left out compliance, which is required \(the policy makes compliance mandatory when facility is present\); it was added back/,
    );
    expect(plan.rationale).toMatch(/added back: credit, compliance, currency/);
  });

  it("does not force experts the embedded planner only consulted for want of evidence", () => {
    const plan = complete({ tasks: [{ expert: "markets", question: "?" }] }, "What do you think?");
    expect(plan.tasks.map((t) => t.expert)).toEqual(["markets"]);
  });

  it("adds declared dependencies and drops dependencies on tasks not in the plan", () => {
    const c = parseCase({
      facility,
      borrower: {
        name: "A",
        country: "JP",
        financials: { currency: "JPY", revenue: 1, ebitda: 1, totalDebt: 1, interestExpense: 0, annualDebtService: 1, foreignRevenueShare: { USD: 0.3 } },
      },
    });
    const plan = complete(
      {
        tasks: [
          { expert: "credit", question: "q" },
          { expert: "currency", question: "q" },
          { expert: "compliance", question: "q", dependsOn: ["oracle"] },
        ],
      },
      "",
      c,
    );
    expect(plan.tasks.find((t) => t.expert === "credit")!.dependsOn).toEqual(["currency"]);
    expect(plan.warnings).toContain('compliance\'s dependency on "oracle" names no task of the plan; it was dropped');
  });

  it("resolves dependencies the model wrote as its own task ids", () => {
    const plan = complete(
      {
        tasks: [
          { id: "t1", expert: "currency", question: "q" },
          { id: "t2", expert: "markets", question: "q", dependsOn: ["t1"] },
        ],
      },
      "hedge?",
    );
    expect(plan.tasks.find((t) => t.expert === "markets")!.dependsOn).toEqual(["currency"]);
  });

  it("rejects a cycle, including one closed by a declared dependency", () => {
    const cyclic = {
      tasks: [
        { expert: "currency", question: "q", dependsOn: ["markets"] },
        { expert: "markets", question: "q", dependsOn: ["currency"] },
      ],
    };
    expect(() => complete(cyclic, "hedge?")).toThrow(ModelPlanError);
    expect(() => complete(cyclic, "hedge?")).toThrow(/dependency cycle/);
    const c = parseCase({
      facility,
      borrower: {
        name: "A",
        country: "JP",
        financials: { currency: "JPY", revenue: 1, ebitda: 1, totalDebt: 1, interestExpense: 0, annualDebtService: 1, foreignRevenueShare: { USD: 0.3 } },
      },
    });
    const closed = {
      tasks: [
        { expert: "currency", question: "q", dependsOn: ["credit"] },
        { expert: "credit", question: "q" },
      ],
    };
    expect(() => complete(closed, "", c)).toThrow(/dependency cycle/);
  });

  it("refuses a plan that names no expert of the council", () => {
    expect(() => complete({ tasks: [{ expert: "astrology", question: "?" }] }, "?")).toThrow(/names no expert of the council/);
  });

  it("keeps the first of two tasks for one expert", () => {
    const plan = complete(
      {
        tasks: [
          { expert: "markets", question: "first" },
          { expert: "markets", question: "second" },
        ],
      },
      "bond?",
    );
    expect(plan.tasks.map((t) => t.question)).toEqual(["first"]);
    expect(plan.warnings).toContain("the model listed markets twice; its first sub-task is kept");
  });
});
