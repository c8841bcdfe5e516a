import type { Case } from "@kyocho/core";
import type { Plan } from "@kyocho/core";
import type { RoutingItem } from "./routing-set.js";
import { scoreRouting, type RoutingOutcome, type RoutingScore } from "./routing-score.js";

/** A routing evaluation: the score, and every line's plan for inspection. */
export interface RoutingEvaluation extends RoutingScore {
  /** Which planner(s) made the plans, e.g. `["embedded"]`. */
  planners: string[];
  outcomes: Array<RoutingOutcome & { planner: string }>;
}

/**
 * Plans every line of a routing set and scores the experts each plan
 * consults (required and advisory alike) against the expected ones. A line
 * without a question is planned from its case's own `question`, if any,
 * exactly as `kyocho ask` would.
 *
 * @example
 * const result = await evaluateRouting(items, (question, c) => council.plan({ question, case: c }));
 * result.recall // 0.97
 */
export async function evaluateRouting(
  items: readonly RoutingItem[],
  plan: (question: string, c: Case | undefined) => Promise<Plan>,
): Promise<RoutingEvaluation> {
  const outcomes: RoutingEvaluation["outcomes"] = [];
  for (const item of items) {
    const question = item.question.trim() || item.case?.question?.trim() || "";
    const made = await plan(question, item.case);
    outcomes.push({
      id: item.id,
      line: item.line,
      question: item.question,
      expected: item.experts,
      routed: [...new Set(made.tasks.map((t) => t.expert))],
      planner: made.planner,
    });
  }
  return { ...scoreRouting(outcomes), planners: [...new Set(outcomes.map((o) => o.planner))], outcomes };
}
