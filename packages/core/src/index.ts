/**
 * @kyocho/core — the contracts every kyocho package shares: the case file,
 * the expert contract, plans, the policy file, knowledge retrieval, the
 * executor interface and the deterministic merge.
 */
export { KyochoError, UserInputError, PlanValidationError, InternalError, exitCodeFor } from "./errors/kyocho-error.js";
export { formatPath, describeFirstIssue } from "./validation/format-issues.js";
export { parseWith } from "./validation/parse-with.js";
export { readDataFile, readTextFile, parseDataText } from "./validation/read-data-file.js";
export { NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE, printable, printableDeep } from "./validation/control-characters.js";

export {
  SEVERITIES, SeveritySchema, RATINGS, RatingSchema, compareSeverity, maxSeverity, toRating,
  type Severity, type Rating,
} from "./assessment/severity.js";
export { DECISIONS, DecisionSchema, stricterDecision, isApproval, type Decision } from "./assessment/decision.js";
export {
  CitationSchema, FindingSchema, DATA_GAP_RULE_ID, DATA_CONFLICT_RULE_ID, DATA_NEEDED_RULE_ID,
  type Citation, type Finding, type FindingInput,
} from "./assessment/finding.js";
export {
  EXPERT_STATUSES, ExpertStatusSchema, ExpertResultSchema, TaskRoleSchema,
  type ExpertStatus, type ExpertResult, type TaskRole,
} from "./assessment/expert-result.js";
export {
  AssessmentSchema, MissingItemSchema, ExpertSummarySchema, VetoSchema,
  type Assessment, type MissingItem, type ExpertSummary, type Veto,
} from "./assessment/assessment-schema.js";
export { assessmentIdFor, stableStringify } from "./assessment/assessment-id.js";
export { unfinishedResult } from "./assessment/unfinished-result.js";
export { ModelUseSchema, type ModelUse } from "./assessment/model-use.js";

export {
  CaseSchema, buildCaseSchema, hasCaseData, caseShape,
  CurrencyCodeSchema, CountryCodeSchema, BankSchema, BorrowerSchema, FinancialsSchema, FacilitySchema,
  CounterpartySchema, ContractSchema, FxSectionSchema, FxHedgeSchema, MarketQuoteSchema, PositionSchema,
  CollateralSchema, ExposureSchema, COLLATERAL_TYPES, EXPOSURE_KINDS,
  GroupSchema, GroupMemberSchema, ScreeningSchema, KycSchema, KycRecordSchema, AntiSocialCheckSchema,
  COUNTERPARTY_ROLES, CONTRACT_CLAUSES, SCREENING_RESULTS, KYC_STATUSES, KYC_RISK_RATINGS,
  type Case, type CaseInput, type Facility, type Financials, type Counterparty, type Position,
  type GroupMember, type Screening, type KycRecord, type AntiSocialCheck, type Collateral, type Exposure, type FxHedge,
} from "./case/case-schema.js";
export { CalendarDateSchema, isCalendarDate, todayUtc, daysBetween } from "./case/calendar-date.js";
export { spotOf, toBase, convert, missingSpotPaths } from "./case/currency.js";
export { proFormaDebt, type ProFormaDebt, type ProFormaDebtOutcome } from "./case/pro-forma-debt.js";
export { foreignCurrencies } from "./case/foreign-currencies.js";
export { parseCase, loadCaseFile, requireCaseSchemaVersion, CASE_SCHEMA_VERSION } from "./case/load-case.js";
export { migrateCase, type CaseMigration } from "./case/migrate-case.js";
export { LimitsSchema, DEFAULT_LIMITS, LIMIT_ENV, type Limits, type LimitName } from "./limits/limits-schema.js";
export { LimitExceededError } from "./limits/limit-exceeded-error.js";
export { checkCaseLimits, checkQuestionLimit } from "./limits/check-limits.js";
export { limitsFromEnv } from "./limits/limits-from-env.js";

export { TierSchema, TiersSchema, tierMet, evaluateTiers, type Tier } from "./policy/tiers.js";
export { ruleFinding, japaneseForm, type RuleText } from "./policy/rule-finding.js";
export { LocalizedTextSchema, english, japanese, type LocalizedText } from "./policy/localized-text.js";
export { stableRatio } from "./calculation/stable-ratio.js";
export {
  PolicySchema, MergePolicySchema, RoutingPolicySchema, MandatoryExpertSchema, CitationRefSchema, ruleBaseShape,
  ModelFindingsPolicySchema,
  type Policy, type MergePolicy, type CitationRef, type ModelFindingsPolicy,
} from "./policy/policy-schema.js";
export { parsePolicy, loadPolicyFile } from "./policy/load-policy.js";
export { policyFingerprint, type PolicyFingerprint } from "./policy/policy-fingerprint.js";

export { tokenize } from "./knowledge/tokenize.js";
export { Bm25Index, type IndexedDocument } from "./knowledge/bm25-index.js";
export { KnowledgeBase, splitMarkdownSections, type KnowledgePassage } from "./knowledge/knowledge-base.js";

export { defineExpert } from "./expert/define-expert.js";
export { ExpertRequestSchema } from "./expert/expert-request-schema.js";
export type {
  Expert, ExpertDefinition, ExpertRunContext, ExpertOutput, ExpertFinding, ExpertRequest, ExpertRunOptions, ExpertDependency,
} from "./expert/expert-types.js";

export {
  SubTaskSchema, PlanSchema, TaskDependencySchema, waitsForAnswer,
  type SubTask, type SubTaskInput, type Plan, type PlanInput, type TaskDependency,
} from "./plan/plan-schema.js";
export { taskDependencies } from "./plan/task-dependencies.js";
export { validatePlan, findCycle } from "./plan/plan-validation.js";
export { nextStep, type ScheduleStep } from "./plan/schedule.js";
export type { Planner, PlanRequest, PlanningContext } from "./plan/planner.js";
export {
  EmbeddedPlanner, planEmbedded, routeEmbedded, explainRouting, orderByDependencies, type EmbeddedPlannerOptions, type EmbeddedRouting,
} from "./plan/embedded-planner.js";
export { ModelPlanner, type ModelPlannerOptions, type PlanOutputMode } from "./plan/model-planner.js";
export { ModelPlanError, type ModelPlanFailure } from "./plan/model-plan-error.js";
export { ModelPlanOutputSchema, modelPlanJsonSchema, extractJsonObject, type ModelPlanOutput } from "./plan/model-plan-output.js";
export { planningMessages } from "./plan/model-plan-prompt.js";
export { completeModelPlan } from "./plan/complete-model-plan.js";
export { requiredExperts, requiredExpertReasons, mandatoryExpertsFor } from "./plan/required-experts.js";
export { keywordMatches } from "./plan/keyword-match.js";
export { prepareMatchText, termMatches, type MatchText } from "./plan/match-text.js";
export { lightStem } from "./plan/light-stem.js";
export { buildVocabularies, matchVocabulary, type ExpertVocabulary, type VocabularyHits } from "./plan/expert-vocabulary.js";
export { proposedSections, SECTION_SIGNALS, type SectionSignal, type ProposedSection } from "./plan/proposed-sections.js";

export { parseRoutingSet, RoutingLineSchema, type RoutingItem, type RoutingLineInput, type RoutingSetOptions } from "./eval/routing-set.js";
export { scoreRouting, type RoutingOutcome, type RoutingScore, type RoutingMiss, type PairCounts } from "./eval/routing-score.js";
export { evaluateRouting, type RoutingEvaluation } from "./eval/evaluate-routing.js";
export { ExpectedResultSchema, ExpectedFindingSchema, type ExpectedResult, type ExpectedFinding } from "./eval/expected-result.js";
export { loadCaseSet, type EvalCase, type CaseSetOptions } from "./eval/case-set.js";
export { scoreCases, type CaseOutcome, type CaseScore, type CaseMismatch, type RuleScore, type FindingCounts } from "./eval/case-score.js";
export { summariseLatency, type LatencySummary } from "./eval/latency-summary.js";
export { evaluateCases, type CaseEvaluation, type EvaluateCasesOptions } from "./eval/evaluate-cases.js";
export { compareConfigurations, type EvalConfiguration, type ConfigurationResult } from "./eval/compare-configurations.js";
export {
  ChatFineTuningLineSchema, ChatFineTuningMessageSchema, type ChatFineTuningLine, type ChatFineTuningMessage,
} from "./fine-tuning/chat-fine-tuning-line.js";
export { sftExamples, type SftExample, type SftExpertInfo, type SftAnswer } from "./fine-tuning/sft-examples.js";

export type { ExpertExecutor, ExecuteOptions } from "./execution/expert-executor.js";
export { InProcessExecutor } from "./execution/in-process-executor.js";
export { mergeAssessment, type MergeInput } from "./merge/merge-assessment.js";
export { summariseWithModel, type SummariseOptions } from "./merge/summarise-with-model.js";

export {
  ModelConfigSchema, EndpointConfigSchema, EndpointOverrideSchema, RESPONSE_FORMATS, parseModelConfig,
  type ModelConfig, type ModelConfigInput, type EndpointConfig, type EndpointOverride, type ResponseFormatMode,
} from "./model/model-config.js";
export { loadModelConfig, MODEL_ENV, type LoadModelConfigOptions } from "./model/load-model-config.js";
export { classifyEndpoint, assertOnPremises, assertTracingOnPremises, endpointHost, type HostKind, type OnPremGuardOptions } from "./model/on-prem-guard.js";
export { thinkingSwitch, NO_API_KEY } from "./model/chat-model-factory.js";
export type { ModelClient, ChatTurn, ModelCallContext, ModelCompletion, ModelEndpointInfo, CompleteOptions } from "./model/model-client.js";
export { OpenAICompatibleClient, type ResolvedEndpoint } from "./model/openai-compatible-client.js";
export { ModelCallError, type ModelCallErrorCode } from "./model/model-error.js";
export { createModelRegistry, type ModelRegistry, type ModelRegistryOptions } from "./model/model-registry.js";
export { stripThink } from "./model/strip-think.js";
export { extractJson } from "./model/extract-json.js";
export { parseStructured, requestStructuredAnswer, type StructuredAnswer, type StructuredAnswerRequest } from "./model/structured-answer.js";
export { statedNumbers, type StatedNumber, type NumberReading } from "./model/stated-numbers.js";
export { KnownNumbers, checkGrounding, groundingFeedback, describeViolations, type GroundingViolation, type CheckableAnswer } from "./model/grounding-check.js";
export { ModelAnswerSchema, ModelAnswerWireSchema, modelAnswerJsonSchema, type ModelAnswer } from "./model/model-answer.js";
export { dataBlock, DATA_IS_NOT_INSTRUCTIONS } from "./model/delimited-data.js";
export { expertPrompt, type ExpertPromptInput, type ExpertPromptData } from "./model/expert-prompt.js";
export { answerWithModel, type ExpertModelInput, type ExpertModelOptions } from "./model/expert-model.js";
export { withoutContext } from "./model/without-context.js";

export {
  sha256, assessmentAuditEntry,
  type AuditEntry, type AuditSink, type ModelCallAuditEntry, type ExpertAnswerAuditEntry, type AssessmentAuditEntry,
  type ModelCallOutcome, type TokenUsage,
} from "./audit/audit-entry.js";
export { AuditLog, nullAuditSink, DEFAULT_AUDIT_PATH, type AuditLogOptions } from "./audit/audit-log.js";
