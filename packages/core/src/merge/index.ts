/** @kyocho/core/merge — the deterministic merge of expert results into one assessment. */
export { mergeAssessment, type MergeInput } from "./merge-assessment.js";
