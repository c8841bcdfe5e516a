/**
 * @kyocho/expert-lending — the credit expert of the kyocho council: pro-forma
 * leverage, debt service and interest cover, loan to value, tenor and
 * FX-stressed coverage under the policy's `experts.lending` section.
 */
export { lendingExpert, createLendingExpert, lendingIsRequired, type LendingExpertOptions } from "./lending-expert.js";
export {
  LendingPolicySchema, TieredRuleSchema, LeverageRuleSchema, FxDscrRuleSchema, LENDING_RULE_IDS,
  type LendingPolicy, type TieredRule, type LeverageRule, type FxDscrRule, type LendingRuleId,
} from "./lending-policy.js";
export { evaluateLending, LENDING_NEEDED_FIELDS, type LendingEvaluationInput } from "./evaluate-lending.js";
export { LENDING_KEYWORDS, LENDING_KEYWORDS_EN, LENDING_KEYWORDS_JA } from "./keywords.js";
export { loadLendingKnowledge, LENDING_KNOWLEDGE_DIR } from "./lending-knowledge.js";
export { lendingSubQuestion } from "./sub-question.js";
export { foreignRevenueCurrencies } from "./foreign-revenue.js";
export { readHedgeRatios, type HedgeRatioReading } from "./hedge-ratios.js";

export { leverage, type LeverageInput } from "./calculators/leverage.js";
export { dscr, type DscrInput } from "./calculators/dscr.js";
export { icr, type IcrInput } from "./calculators/icr.js";
export { ltv, type LtvInput } from "./calculators/ltv.js";
export { newDebtService, type NewDebtServiceInput } from "./calculators/new-debt-service.js";
export { facilityAmountInF, type FacilityAmountInF } from "./calculators/facility-amount-in-f.js";
export { unhedgedForeignShare, effectiveHedgeRatio } from "./calculators/unhedged-foreign-share.js";
export { fxStressedEbitda, type FxStressedEbitdaInput } from "./calculators/fx-stressed-ebitda.js";
export { fxStress, type FxStressInput, type FxStressFigures } from "./calculators/fx-stress.js";

export { applyLeverageRule, type LeverageFacts } from "./rules/leverage-rule.js";
export { applyDscrRule, type DscrFacts } from "./rules/dscr-rule.js";
export { applyIcrRule, type IcrFacts } from "./rules/icr-rule.js";
export { applyLtvRule, type LtvFacts } from "./rules/ltv-rule.js";
export { applyTenorRule } from "./rules/tenor-rule.js";
export { applyFxDscrRule, type FxDscrFacts } from "./rules/fx-dscr-rule.js";
