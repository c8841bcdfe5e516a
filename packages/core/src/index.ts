/**
 * @kyocho/core — the contracts every kyocho package shares: the case file,
 * the policy file, the expert and executor contracts, plans and the embedded
 * planner, the assessment and its deterministic merge, and the interfaces a
 * model client, an audit sink and a knowledge source implement.
 *
 * This index holds what a council or an expert is built from. Everything
 * else is one folder away: `@kyocho/core/case`, `/policy`, `/plan`,
 * `/assessment`, `/expert`, `/execution`, `/merge`, `/model`, `/audit`,
 * `/limits`, `/validation`, `/errors`, `/calculation`.
 */
export { KyochoError, UserInputError, PlanValidationError, InternalError, exitCodeFor } from "./errors/index.js";
export {
  type Severity,
  type Rating,
  type Decision,
  type Citation,
  type Finding,
  ExpertResultSchema,
  type ExpertResult,
  AssessmentSchema,
  type Assessment,
} from "./assessment/index.js";
export { CaseSchema, type Case, type CaseInput, parseCase, loadCaseFile } from "./case/index.js";
export {
  TiersSchema,
  evaluateTiers,
  ruleFinding,
  type LocalizedText,
  PolicySchema,
  type Policy,
  parsePolicy,
  loadPolicyFile,
  policyFingerprint,
  type PolicyFingerprint,
} from "./policy/index.js";
export type { Expert, ExpertRequest, ExpertRunOptions, ExpertDependency, KnowledgeSource, KnowledgePassage } from "./expert/index.js";
export { PlanSchema, type SubTask, type Plan, validatePlan, type Planner, type PlanRequest, type PlanningContext, EmbeddedPlanner } from "./plan/index.js";
export { type ExpertExecutor, type ExecuteOptions, type ExpertModels, InProcessExecutor } from "./execution/index.js";
export { mergeAssessment, type MergeInput } from "./merge/index.js";
export { type ModelClient, type ChatTurn, type ModelCompletion, type CompleteOptions } from "./model/index.js";
export { type AuditEntry, type AuditSink } from "./audit/index.js";
