/**
 * @kyocho/council — the generic council graph any set of experts can be
 * wired into (LangGraph: planner and experts in one superstep, a merge, the
 * events), and `createCouncil`/`defineCouncil` around it. It loads no
 * expert: experts, policy and executor are passed in.
 */
export { createCouncilGraph, type CouncilGraph, type CouncilGraphOptions, type PlanningMode } from "./council-graph.js";
export { createCouncil, type Council, type CouncilOptions, type AssessInput } from "./council.js";
export { defineCouncil, type CouncilDefinition } from "./council-definition.js";
export { CouncilState, type CouncilStateType, type CouncilInput } from "./council-state.js";
export { type CouncilEvent } from "./council-events.js";
export { ensureRequiredExperts } from "./ensure-required.js";
export { applySignoff, isMoreLenient } from "./signoff/apply-signoff.js";
export { openSignoff } from "./signoff/open-signoff.js";
export { signOff, type SignOffOptions } from "./signoff/sign-off.js";
export { SignoffRefusedError, type SignoffRefusal } from "./signoff/signoff-refused-error.js";
export { type SignoffInterrupt } from "./signoff/signoff-interrupt.js";
