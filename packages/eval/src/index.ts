/**
 * @kyocho/eval — measuring councils: routing precision and recall, case
 * decisions and findings against hand-computed expectations, configurations
 * compared side by side, and fine-tuning examples exported from cases.
 */
export { parseRoutingSet, RoutingLineSchema, type RoutingItem, type RoutingLineInput, type RoutingSetOptions } from "./routing-set.js";
export { scoreRouting, type RoutingOutcome, type RoutingScore, type RoutingMiss, type PairCounts } from "./routing-score.js";
export { evaluateRouting, type RoutingEvaluation } from "./evaluate-routing.js";
export { ExpectedResultSchema, ExpectedFindingSchema, type ExpectedResult, type ExpectedFinding } from "./expected-result.js";
export { loadCaseSet, type EvalCase, type CaseSetOptions } from "./case-set.js";
export { scoreCases, type CaseOutcome, type CaseScore, type CaseMismatch, type RuleScore, type FindingCounts } from "./case-score.js";
export { summariseLatency, type LatencySummary } from "./latency-summary.js";
export { evaluateCases, type CaseEvaluation, type EvaluateCasesOptions } from "./evaluate-cases.js";
export { compareConfigurations, type EvalConfiguration, type ConfigurationResult } from "./compare-configurations.js";
export {
  ChatFineTuningLineSchema,
  ChatFineTuningMessageSchema,
  type ChatFineTuningLine,
  type ChatFineTuningMessage,
} from "./fine-tuning/chat-fine-tuning-line.js";
export { sftExamples, type SftExample, type SftExpertInfo, type SftAnswer } from "./fine-tuning/sft-examples.js";
