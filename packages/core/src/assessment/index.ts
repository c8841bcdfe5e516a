/** @kyocho/core/assessment — what an assessment is: severities, ratings, decisions, findings, expert results, the merged assessment and its id. */
export { SEVERITIES, SeveritySchema, RATINGS, RatingSchema, compareSeverity, maxSeverity, toRating, type Severity, type Rating } from "./severity.js";
export { DECISIONS, DecisionSchema, stricterDecision, isApproval, type Decision } from "./decision.js";
export {
  CitationSchema,
  FindingSchema,
  DATA_GAP_RULE_ID,
  DATA_CONFLICT_RULE_ID,
  DATA_NEEDED_RULE_ID,
  type Citation,
  type Finding,
  type FindingInput,
} from "./finding.js";
export {
  EXPERT_STATUSES,
  ExpertStatusSchema,
  ExpertResultSchema,
  TaskRoleSchema,
  type ExpertStatus,
  type ExpertResult,
  type TaskRole,
} from "./expert-result.js";
export {
  AssessmentSchema,
  MissingItemSchema,
  ExpertSummarySchema,
  VetoSchema,
  type Assessment,
  type MissingItem,
  type ExpertSummary,
  type Veto,
} from "./assessment-schema.js";
export { assessmentIdFor, stableStringify } from "./assessment-id.js";
export { unfinishedResult } from "./unfinished-result.js";
export { ModelUseSchema, type ModelUse } from "./model-use.js";
