/**
 * @kyocho/expert-fx — the foreign-exchange expert: hedge ratios, stress
 * loss, volatile currencies and VaR under Reference Policy v1's FX rules.
 */
export { fxExpert, createFxExpert, type FxExpertOptions } from "./fx-expert.js";
export {
  FxPolicySchema, type FxPolicy, type FxHedgeRule, type FxStressRule, type FxVolRule, type FxVarParameters,
} from "./fx-policy.js";
export { assessFx, type FxAssessment, type DataGapFactory } from "./fx-assessment.js";
export { isFxRequired } from "./fx-required.js";
export { pricedPositions, foreignCurrencies, type PricedPosition } from "./fx-inputs.js";
export { FX_KEYWORDS, FX_KEYWORDS_EN, FX_KEYWORDS_JA } from "./fx-keywords.js";
export { fxSubQuestion, isJapanese } from "./fx-sub-question.js";
export { loadFxKnowledge, japaneseCounterpart, FX_KNOWLEDGE_DIR } from "./fx-knowledge.js";
export {
  currencyPositions, type CurrencyPosition, type FxExposureLine, type FxHedgeLine,
} from "./calculators/currency-positions.js";
export { hedgeRatio } from "./calculators/hedge-ratio.js";
export { netOpen } from "./calculators/net-open.js";
export { stressLoss, type OpenPosition } from "./calculators/stress-loss.js";
export { stressLossToEbitda } from "./calculators/stress-loss-to-ebitda.js";
export { ebitdaInBase } from "./calculators/ebitda-in-base.js";
export { valueAtRisk, type VolatilePosition, type VarParameters } from "./calculators/value-at-risk.js";
export { fxHedgeFinding } from "./rules/fx-hedge.js";
export { fxStressFinding, type FxStressInput } from "./rules/fx-stress.js";
export { fxVolFinding, type VolPosition } from "./rules/fx-vol.js";
