import type { ExpertStatus, Plan } from "@kyocho/core";

/**
 * Progress events the council writes to LangGraph's `custom` stream, so a
 * caller streaming with `streamMode: "custom"` sees experts start and finish.
 */
export type CouncilEvent =
  | { type: "planned"; plan: Plan }
  | { type: "expert_started"; taskId: string; expert: string }
  | { type: "expert_finished"; taskId: string; expert: string; status: ExpertStatus; latencyMs?: number | undefined; findings: number }
  | { type: "merged"; rating: string; decision: string; incomplete: boolean };
