/**
 * @kyocho/models — everything that talks to a model: the model
 * configuration and registry, the on-premises guard, the OpenAI-compatible
 * client every caller goes through, an expert's grounded answer, the model
 * planner, the executive summary and the audit log.
 */
export { ModelPlanner, type ModelPlannerOptions, type PlanOutputMode } from "./planner/model-planner.js";
export { ModelPlanError, type ModelPlanFailure } from "./planner/model-plan-error.js";
export { ModelPlanOutputSchema, modelPlanJsonSchema, extractJsonObject, type ModelPlanOutput } from "./planner/model-plan-output.js";
export { planningMessages } from "./planner/model-plan-prompt.js";
export { completeModelPlan } from "./planner/complete-model-plan.js";
export { summariseWithModel, type SummariseOptions } from "./summary/summarise-with-model.js";
export {
  ModelConfigSchema,
  EndpointConfigSchema,
  EndpointOverrideSchema,
  RESPONSE_FORMATS,
  parseModelConfig,
  type ModelConfig,
  type ModelConfigInput,
  type EndpointConfig,
  type EndpointOverride,
  type ResponseFormatMode,
} from "./registry/model-config.js";
export { loadModelConfig, MODEL_ENV, type LoadModelConfigOptions } from "./registry/load-model-config.js";
export { classifyEndpoint, assertOnPremises, assertTracingOnPremises, endpointHost, type HostKind, type OnPremGuardOptions } from "./registry/on-prem-guard.js";
export { createChatModel, thinkingSwitch, NO_API_KEY, type ChatModelSettings } from "./client/chat-model-factory.js";
export { OpenAICompatibleClient, type ResolvedEndpoint } from "./client/openai-compatible-client.js";
export { ModelCallError, type ModelCallErrorCode } from "./client/model-error.js";
export { createModelRegistry, type ModelRegistry, type ModelRegistryOptions } from "./registry/model-registry.js";
export { stripThink } from "./client/strip-think.js";
export { extractJson } from "./client/extract-json.js";
export { parseStructured, requestStructuredAnswer, type StructuredAnswer, type StructuredAnswerRequest } from "./client/structured-answer.js";
export { statedNumbers, type StatedNumber, type NumberReading } from "./expert-answer/stated-numbers.js";
export {
  KnownNumbers,
  checkGrounding,
  groundingFeedback,
  describeViolations,
  type GroundingViolation,
  type CheckableAnswer,
} from "./expert-answer/grounding-check.js";
export { ModelAnswerSchema, ModelAnswerWireSchema, modelAnswerJsonSchema, type ModelAnswer } from "./expert-answer/model-answer.js";
export { dataBlock, DATA_IS_NOT_INSTRUCTIONS } from "./expert-answer/delimited-data.js";
export { expertPrompt, type ExpertPromptInput, type ExpertPromptData } from "./expert-answer/expert-prompt.js";
export { answerWithModel, type ExpertModelInput, type ExpertModelOptions } from "./expert-answer/expert-model.js";
export { withoutContext } from "./expert-answer/without-context.js";
export { auditCallbacks, type AuditCallbackContext } from "./client/audit-callbacks.js";
export { AuditLog, nullAuditSink, DEFAULT_AUDIT_PATH, type AuditLogOptions } from "./audit/audit-log.js";
