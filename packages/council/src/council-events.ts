import type { ExpertStatus } from "@kyocho/core/assessment";
import type { Plan } from "@kyocho/core";

/**
 * Progress events the council writes to LangGraph's `custom` stream, so a
 * caller streaming with `streamMode: "custom"` sees experts start and finish.
 * With speculative planning, experts the case requires may start before
 * `planned` (their `expert_started` says `speculative`).
 */
export type CouncilEvent =
  | { type: "planned"; plan: Plan }
  | { type: "expert_started"; taskId: string; expert: string; speculative?: true }
  /** The sub-task's facts are in (calculators, rules, retrieval); its model, if any, is still writing. */
  | { type: "expert_facts"; taskId: string; expert: string; findings: number }
  | { type: "expert_finished"; taskId: string; expert: string; status: ExpertStatus; latencyMs?: number | undefined; findings: number }
  | { type: "merged"; rating: string; decision: string; incomplete: boolean }
  /** With a summary model, after `merged`: whether its executive summary was written, and if not, why. */
  | { type: "summarised"; written: true; model: string }
  | { type: "summarised"; written: false; reason: string }
  /** A signature was recorded: the sign-off's status after it, and how many of the required signatures are in. */
  | { type: "signed"; status: string; signatures: number; required: number };
