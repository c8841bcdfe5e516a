/**
 * @kyocho/core — the contracts every kyocho package shares: the case file,
 * the expert contract, plans, the policy file, knowledge retrieval, the
 * executor interface and the deterministic merge.
 */
export { KyochoError, UserInputError, PlanValidationError, InternalError, exitCodeFor } from "./errors/kyocho-error.js";
export { formatPath, describeFirstIssue } from "./validation/format-issues.js";
export { parseWith } from "./validation/parse-with.js";
export { readDataFile, parseDataText } from "./validation/read-data-file.js";

export {
  SEVERITIES, SeveritySchema, RATINGS, RatingSchema, compareSeverity, maxSeverity, toRating,
  type Severity, type Rating,
} from "./assessment/severity.js";
export { DECISIONS, DecisionSchema, stricterDecision, isApproval, type Decision } from "./assessment/decision.js";
export {
  CitationSchema, FindingSchema, DATA_GAP_RULE_ID, DATA_NEEDED_RULE_ID,
  type Citation, type Finding, type FindingInput,
} from "./assessment/finding.js";
export {
  EXPERT_STATUSES, ExpertStatusSchema, ExpertResultSchema, TaskRoleSchema,
  type ExpertStatus, type ExpertResult, type TaskRole,
} from "./assessment/expert-result.js";
export {
  AssessmentSchema, MissingItemSchema, ExpertSummarySchema,
  type Assessment, type MissingItem, type ExpertSummary,
} from "./assessment/assessment-schema.js";
export { assessmentIdFor, stableStringify } from "./assessment/assessment-id.js";

export {
  CaseSchema, buildCaseSchema, hasCaseData, caseShape,
  CurrencyCodeSchema, CountryCodeSchema, BankSchema, BorrowerSchema, FinancialsSchema, FacilitySchema,
  CounterpartySchema, ContractSchema, FxSectionSchema, FxExposureSchema, FxHedgeSchema, MarketQuoteSchema, PositionSchema,
  COUNTERPARTY_ROLES, CONTRACT_CLAUSES,
  type Case, type CaseInput, type Facility, type Financials, type Counterparty, type Position,
} from "./case/case-schema.js";
export { spotOf, toBase, convert, missingSpotPaths } from "./case/currency.js";
export { parseCase, loadCaseFile } from "./case/load-case.js";

export { TierSchema, TiersSchema, tierMet, evaluateTiers, type Tier } from "./policy/tiers.js";
export { ruleFinding, type RuleText } from "./policy/rule-finding.js";
export { stableRatio } from "./calculation/stable-ratio.js";
export {
  PolicySchema, MergePolicySchema, RoutingPolicySchema, MandatoryExpertSchema, CitationRefSchema, ruleBaseShape,
  type Policy, type MergePolicy, type CitationRef,
} from "./policy/policy-schema.js";
export { parsePolicy, loadPolicyFile } from "./policy/load-policy.js";

export { tokenize } from "./knowledge/tokenize.js";
export { Bm25Index, type IndexedDocument } from "./knowledge/bm25-index.js";
export { KnowledgeBase, splitMarkdownSections, type KnowledgePassage } from "./knowledge/knowledge-base.js";

export { defineExpert } from "./expert/define-expert.js";
export type {
  Expert, ExpertDefinition, ExpertRunContext, ExpertOutput, ExpertFinding, ExpertRequest,
} from "./expert/expert-types.js";

export { SubTaskSchema, PlanSchema, type SubTask, type SubTaskInput, type Plan, type PlanInput } from "./plan/plan-schema.js";
export { validatePlan, findCycle } from "./plan/plan-validation.js";
export { nextStep, type ScheduleStep } from "./plan/schedule.js";
export type { Planner, PlanRequest, PlanningContext } from "./plan/planner.js";
export { EmbeddedPlanner, planEmbedded } from "./plan/embedded-planner.js";
export { requiredExperts } from "./plan/required-experts.js";
export { keywordMatches } from "./plan/keyword-match.js";

export type { ExpertExecutor } from "./execution/expert-executor.js";
export { InProcessExecutor } from "./execution/in-process-executor.js";
export { mergeAssessment, type MergeInput } from "./merge/merge-assessment.js";
