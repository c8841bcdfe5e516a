import { KyochoError } from "@kyocho/core";

/** Why a model planner gave up on the model's plan. */
export type ModelPlanFailure = "timeout" | "malformed output" | "cycle" | "no known expert" | "model error";

/**
 * The model did not produce a usable plan: it timed out, answered with
 * something that is not the plan's JSON, named no expert the council knows,
 * made a dependency cycle, or the endpoint failed. The model planner catches
 * it and falls back; it reaches a caller only through the plan's warnings.
 *
 * @example
 * throw new ModelPlanError("cycle", "dependency cycle fx → lending → fx");
 */
export class ModelPlanError extends KyochoError {
  readonly code = "MODEL_PLAN_FAILED";
  readonly exitCode = 1 as const;

  constructor(
    readonly reason: ModelPlanFailure,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
  }
}
