/**
 * @kyocho/expert-fx — the foreign-exchange expert: the borrower's one-year
 * currency mismatch in its reporting currency, hedge ratios, over-hedging,
 * stress loss against CFADS, volatile currencies and VaR under the policy's
 * FX rules.
 */
export { fxExpert, createFxExpert, type FxExpertOptions } from "./fx-expert.js";
export { FxPolicySchema, type FxPolicy, type FxHedgeRule, type FxOverhedgeRule, type FxStressRule, type FxVolRule, type FxVarParameters } from "./fx-policy.js";
export { assessFx, NO_FINANCIALS_MESSAGE, type FxAssessment, type DataGapFactory, type DataConflictFactory } from "./fx-assessment.js";
export { fxCurrencies, isFxRequired } from "./fx-currencies.js";
export { currencyMismatch, type CurrencyMismatch, type CurrencyMismatchOutcome, type CurrencyPosition } from "./fx-mismatch.js";
export { FX_KEYWORDS, FX_KEYWORDS_EN, FX_KEYWORDS_JA } from "./fx-keywords.js";
export { fxSubQuestion, isJapanese } from "./fx-sub-question.js";
export { loadFxKnowledge, japaneseCounterpart, FX_KNOWLEDGE_DIR } from "./fx-knowledge.js";
export { currencyFlows, type CurrencyFlows, type CurrencyFlowsInput } from "./calculators/currency-flows.js";
export { signedHedge, type HedgeLeg } from "./calculators/signed-hedge.js";
export { hedgeRatio } from "./calculators/hedge-ratio.js";
export { isMaterial, openShareOfNet, isReversed } from "./calculators/position-shares.js";
export { fxLoss } from "./calculators/fx-loss.js";
export { fxLossToCfads } from "./calculators/fx-loss-to-cfads.js";
export { volAgainstReporting } from "./calculators/vol-against-reporting.js";
export { valueAtRisk, type VolatilePosition, type VarParameters } from "./calculators/value-at-risk.js";
export { fxHedgeFinding, type FxHedgeContext } from "./rules/fx-hedge.js";
export { fxOverhedgeFinding, overhedged } from "./rules/fx-overhedge.js";
export { fxStressFinding, type FxStressInput } from "./rules/fx-stress.js";
export { fxVolFinding, volCandidate, type VolPosition } from "./rules/fx-vol.js";
