import { parseCase, parsePolicy, type CaseInput, type ExpertRequest } from "@kyocho/core";
import { SubTaskSchema } from "@kyocho/core/plan";
import { defineExpert } from "@kyocho/expert-kit";
import { KnowledgeBase } from "@kyocho/knowledge";

/**
 * A small synthetic expert for the model-layer tests: one rule finding
 * (DSCR below the minimum) and two metrics, a two-section knowledge base.
 * Shared by the models and eval packages' tests; kept in the repository's test helpers, so it is never built or shipped.
 */
export const testPolicy = parsePolicy({
  id: "test-policy",
  name: "Test policy",
  merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } },
  experts: { credit: { minDscr: 1.4, minHedgeRatio: 0.5 } },
});

export const creditKnowledge = new KnowledgeBase([
  {
    document: "credit/policy.md",
    section: "Debt service cover (CR-DSCR)",
    text: "The DSCR must be at least 1.40x. Below it, the facility needs a cash sweep.",
  },
  {
    document: "credit/policy.md",
    section: "Currency mismatch (CR-FX)",
    text: "Foreign-currency borrowing against home-currency earnings must be hedged for at least 50% of the exposure.",
  },
]);

export const DSCR_FINDING = {
  ruleId: "CR-DSCR",
  severity: "medium" as const,
  title: "DSCR below minimum",
  message: "DSCR 1.33x is below the 1.40x minimum.",
  metrics: { dscr: 1.3333 },
  citations: [{ document: "credit/policy.md", section: "Debt service cover (CR-DSCR)" }],
  condition: "Cash sweep until DSCR is back above 1.40x",
};

export function creditExpert(options: { name?: string; timeoutMs?: number; fail?: boolean } = {}) {
  return defineExpert({
    name: options.name ?? "credit",
    description: "Credit analysis: debt service and currency mismatch",
    keywords: ["credit", "dscr", "lend"],
    knowledge: creditKnowledge,
    isRequired: () => true,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    run: () => {
      if (options.fail) throw new Error("calculator exploded");
      return { findings: [DSCR_FINDING], metrics: { dscr: 1.3333, hedgeRatio: 0.4 } };
    },
  });
}

export const creditCaseInput: CaseInput = {
  id: "case-1",
  borrower: { name: "Sakura Precision K.K.", country: "JP" },
  facility: { type: "term_loan", amount: 120_000_000, currency: "USD", tenorYears: 7, rate: 0.055, amortization: "linear" },
};

export function creditRequest(caseInput: CaseInput = creditCaseInput, expert = "credit"): ExpertRequest {
  return {
    assessmentId: "a-test",
    task: SubTaskSchema.parse({ id: expert, expert, question: "Can we lend USD 120m to Sakura Precision?" }),
    case: parseCase(caseInput),
    policy: testPolicy,
    dependencies: {},
  };
}

/** A grounded answer: every number is a metric, in the case, or in the rule finding or passages. */
export const goodAnswer = {
  narrative: "DSCR of 1.33x sits below the 1.40x floor, and only 40% of the USD 120m exposure is hedged.",
  findings: [
    {
      severity: "medium",
      title: "Currency mismatch under-hedged",
      message: "Only 40% of the USD 120m exposure is hedged, below the 50% the policy expects.",
      citations: [{ document: "credit/policy.md", section: "Currency mismatch (CR-FX)" }],
    },
  ],
  confidence: 0.8,
};

/** An answer with numbers nobody computed. */
export const inventedAnswer = {
  narrative: "Under stress the borrower struggles.",
  findings: [{ severity: "high", title: "FX stress", message: "A 20% yen depreciation cuts DSCR to 0.95x.", citations: [] }],
  confidence: 0.9,
};
