import { evaluateTiers, type ExpertFinding } from "@kyocho/core";
import { ltv } from "../calculators/ltv.js";
import { metricValue, money, percent } from "../format.js";
import type { TieredRule } from "../lending-policy.js";
import { ruleFinding } from "@kyocho/core";
import { thresholdText } from "./tier-text.js";

/** What LEN-LTV reads, in the facility currency. */
export interface LtvFacts {
  amount: number;
  collateralValue: number;
  currency: string;
}

/**
 * LEN-LTV: loan to value against the policy tiers. Collateral valued at
 * zero against a positive loan is an unlimited LTV and meets every "above"
 * tier, so it is reported at the highest one.
 *
 * @example
 * applyLtvRule(policy.rules["LEN-LTV"], { amount: 90, collateralValue: 100, currency: "USD" })
 * // { ruleId: "LEN-LTV", severity: "medium", metrics: { ltv: 0.9, ... }, ... }
 */
export function applyLtvRule(rule: TieredRule, facts: LtvFacts): ExpertFinding | undefined {
  const { amount, collateralValue, currency } = facts;
  const value = ltv({ amount, collateralValue });
  const severity = evaluateTiers(value, rule.tiers);
  if (!severity) return undefined;
  const ratio = Number.isFinite(value)
    ? `LTV ${percent(value)} (facility ${money(amount, currency)} / collateral ${money(collateralValue, currency)})`
    : `Collateral is valued at ${money(collateralValue, currency)} against a facility of ${money(amount, currency)}: LTV is unlimited and`;
  return ruleFinding(
    "LEN-LTV",
    rule,
    severity,
    `${ratio} is ${thresholdText(value, rule.tiers, severity)}.`,
    { ltv: metricValue(value), amount, collateralValue },
  );
}
