import type { Case } from "../case/case-schema.js";
import type { Expert } from "../expert/expert-types.js";
import type { Policy } from "../policy/policy-schema.js";
import type { Plan } from "./plan-schema.js";

/** What a planner is asked to plan. */
export interface PlanRequest {
  question: string;
  case?: Case | undefined;
}

/** What a planner may consult: the council's experts and its policy. */
export interface PlanningContext {
  experts: ReadonlyArray<Expert<any>>;
  policy: Policy;
}

/**
 * Turns a question (and case) into a plan of sub-tasks. The council validates
 * whatever a planner returns (unknown experts, cycles) before running it.
 *
 * @example
 * const planner: Planner = new EmbeddedPlanner();
 * const plan = await planner.plan({ question: "Can we lend?", case: c }, { experts, policy });
 */
export interface Planner {
  readonly kind: string;
  plan(request: PlanRequest, context: PlanningContext): Promise<Plan>;
}
