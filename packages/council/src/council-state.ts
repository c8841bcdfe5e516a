import { Annotation } from "@langchain/langgraph";
import type { Assessment, Case, ExpertResult, Plan } from "@kyocho/core";

/**
 * The council graph's state. `results` is keyed by task id and merged
 * (never overwritten) as parallel expert nodes report, so every result
 * reaches the merge exactly as its expert returned it.
 */
export const CouncilState = Annotation.Root({
  assessmentId: Annotation<string>(),
  question: Annotation<string>(),
  case: Annotation<Case | undefined>(),
  /** The date the assessment speaks for: the case's `asOf`, or the day the planner ran. */
  asOf: Annotation<string | undefined>(),
  /** Give a plan to skip the planner (it is still validated). */
  plan: Annotation<Plan | undefined>(),
  results: Annotation<Record<string, ExpertResult>>({
    reducer: (current, update) => ({ ...current, ...update }),
    default: () => ({}),
  }),
  assessment: Annotation<Assessment | undefined>(),
  /** Who asked for the assessment: recorded with its sign-off, and never allowed to sign it (four eyes). */
  requestedBy: Annotation<string | undefined>(),
});

export type CouncilStateType = typeof CouncilState.State;
export type CouncilInput = typeof CouncilState.Update;
