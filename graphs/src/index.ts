/**
 * @kyocho/graphs — councils: the generic council graph any set of experts
 * can be wired into, and the reference council of kyocho's four experts.
 */
export { createCouncilGraph, type CouncilGraph, type CouncilGraphOptions, type PlanningMode } from "./council-graph.js";
export { createCouncil, type Council, type CouncilOptions, type AssessInput } from "./council.js";
export { defineCouncil, type CouncilDefinition } from "./council-definition.js";
export { CouncilState, type CouncilStateType, type CouncilInput } from "./council-state.js";
export type { CouncilEvent } from "./council-events.js";
export { ensureRequiredExperts } from "./ensure-required.js";
export { createReferenceCouncil, referenceExperts, loadReferencePolicy, REFERENCE_POLICY_PATH, REFERENCE_POLICY_V1_PATH } from "./reference-council.js";
