import { z } from "zod";

/** Credit decisions, from most to least favourable. */
export const DECISIONS = ["approve", "approve_with_conditions", "escalate", "decline"] as const;
export const DecisionSchema = z.enum(DECISIONS);
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * The stricter of two decisions: used to apply the incompleteness floor, so a
 * `decline` stays a `decline` while an `approve` becomes an `escalate`.
 *
 * @example
 * stricterDecision("approve", "escalate") // "escalate"
 */
export function stricterDecision(a: Decision, b: Decision): Decision {
  return DECISIONS.indexOf(a) >= DECISIONS.indexOf(b) ? a : b;
}

/** True for the decisions that let a deal go ahead. */
export function isApproval(decision: Decision): boolean {
  return decision === "approve" || decision === "approve_with_conditions";
}
