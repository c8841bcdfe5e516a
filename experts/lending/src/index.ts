/**
 * @kyocho/expert-lending — the credit expert of the kyocho council, in the
 * borrower's reporting currency: pro-forma net leverage after refinancing,
 * debt service cover on CFADS, interest cover, the balloon of a long bullet,
 * haircut-adjusted loan to value, tenor and the DSCR after the fx expert's
 * FX loss, under the policy's `experts.lending` section.
 */
export { lendingExpert, createLendingExpert, lendingIsRequired, type LendingExpertOptions } from "./lending-expert.js";
export {
  LendingPolicySchema,
  TieredRuleSchema,
  LeverageRuleSchema,
  BalloonRuleSchema,
  LtvRuleSchema,
  FxDscrRuleSchema,
  LENDING_RULE_IDS,
  type LendingPolicy,
  type TieredRule,
  type LeverageRule,
  type BalloonRule,
  type LtvRule,
  type Haircuts,
  type FxDscrRule,
  type LendingRuleId,
} from "./lending-policy.js";
export { evaluateLending, LENDING_NEEDED_FIELDS, type LendingEvaluationInput } from "./evaluate-lending.js";
export { lendingConflicts, type LendingConflict } from "./data-conflicts.js";
export { LENDING_KEYWORDS, LENDING_KEYWORDS_EN, LENDING_KEYWORDS_JA } from "./keywords.js";
export { loadLendingKnowledge, LENDING_KNOWLEDGE_DIR } from "./lending-knowledge.js";
export { lendingSubQuestion } from "./sub-question.js";
export { foreignCurrenciesOf } from "./foreign-currencies.js";

export { leverage, netDebt, type LeverageInput } from "./calculators/leverage.js";
export { dscr, type DscrInput } from "./calculators/dscr.js";
export { icr, type IcrInput } from "./calculators/icr.js";
export { balloonYears, hasBalloon } from "./calculators/balloon.js";
export { ltv, collateralCover, type LtvInput, type CollateralCover, type CollateralCoverOutcome } from "./calculators/ltv.js";
export { fxStressedDscr, type FxStressedDscrInput } from "./calculators/fx-stressed-dscr.js";

export { applyLeverageRule, type LeverageFacts } from "./rules/leverage-rule.js";
export { applyDscrRule, type DscrFacts } from "./rules/dscr-rule.js";
export { applyIcrRule, type IcrFacts } from "./rules/icr-rule.js";
export { applyBalloonRule, type BalloonFacts } from "./rules/balloon-rule.js";
export { applyLtvRule, type LtvFacts } from "./rules/ltv-rule.js";
export { applyTenorRule } from "./rules/tenor-rule.js";
export { applyFxDscrRule, type FxDscrFacts } from "./rules/fx-dscr-rule.js";
