/**
 * @kyocho/expert-markets — the markets expert of kyocho: rate sensitivity,
 * issuer concentration and liquidity of the bank's market positions.
 */
export { marketsExpert, createMarketsExpert, marketsRequired, type MarketsExpertOptions } from "./markets-expert.js";
export {
  MarketsPolicySchema,
  RateRuleSchema,
  ConcentrationRuleSchema,
  LiquidityRuleSchema,
  type MarketsPolicy,
  type RateRule,
  type ConcentrationRule,
  type LiquidityRule,
} from "./markets-policy.js";
export { bookPositions, valueInBase, missingSpots, type BookPosition } from "./calculators/book-positions.js";
export { issuerKey, normalizeIssuer } from "./calculators/issuer-key.js";
export { rateShock, positionDv01, RATE_SENSITIVE_KINDS, type RateShockResult } from "./calculators/rate-shock.js";
export { issuerShares, type IssuerShare, type IssuerShares } from "./calculators/issuer-shares.js";
export { herfindahl } from "./calculators/hhi.js";
export { liquidityRatio, positionLiquidity, type PositionLiquidity, type BookLiquidity } from "./calculators/liquidity-ratio.js";
export { evaluateRateRule, RATE_RULE_ID } from "./rules/rate-rule.js";
export { evaluateConcentrationRule, CONCENTRATION_RULE_ID } from "./rules/concentration-rule.js";
export { evaluateLiquidityRule, LIQUIDITY_RULE_ID } from "./rules/liquidity-rule.js";
export { spotGaps } from "./rules/spot-gap.js";
export type { RuleOutcome, RuleGap } from "./rules/rule-outcome.js";
export { MARKETS_KEYWORDS, MARKETS_KEYWORDS_EN, MARKETS_KEYWORDS_JA } from "./markets-keywords.js";
export { marketsSubQuestion } from "./sub-question.js";
export { loadMarketsKnowledge, MARKETS_KNOWLEDGE_DIR } from "./markets-knowledge.js";
