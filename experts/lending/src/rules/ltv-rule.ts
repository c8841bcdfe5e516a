import { evaluateTiers, ruleFinding } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { ltv } from "../calculators/ltv.js";
import { metricValue, money, percent } from "../format.js";
import type { TieredRule } from "../lending-policy.js";
import { thresholdText } from "./tier-text.js";

/** What LEN-LTV reads, all in the facility currency (see `collateralCover`). */
export interface LtvFacts {
  amount: number;
  priorCharges: number;
  grossValue: number;
  valueAfterHaircuts: number;
  currency: string;
}

/**
 * LEN-LTV: haircut-adjusted loan to value, (facility + prior-ranking
 * charges) / collateral value after haircuts, against the policy tiers.
 * Collateral worth nothing after haircuts against a positive claim is an
 * unlimited LTV and meets every "above" tier, so it is reported at the
 * highest one.
 *
 * @example
 * applyLtvRule(policy.rules["LEN-LTV"], { amount: 90, priorCharges: 0, grossValue: 125, valueAfterHaircuts: 100, currency: "USD" })
 * // { ruleId: "LEN-LTV", severity: "medium", metrics: { ltv: 0.9, ... }, ... }
 */
export function applyLtvRule(rule: TieredRule, facts: LtvFacts): ExpertFinding | undefined {
  const { amount, priorCharges, grossValue, valueAfterHaircuts, currency: C } = facts;
  const value = ltv({ amount, priorCharges, valueAfterHaircuts });
  const severity = evaluateTiers(value, rule.tiers);
  if (!severity) return undefined;
  const threshold = thresholdText(value, rule.tiers, severity, "percent");
  const claim = `${money(amount, C)} + ${money(priorCharges, C)}`;
  const message = Number.isFinite(value)
    ? {
        en:
          `Haircut-adjusted LTV ${percent(value)} ((facility ${money(amount, C)} + prior-ranking charges ${money(priorCharges, C)}) / ` +
          `collateral after haircuts ${money(valueAfterHaircuts, C)}, of ${money(grossValue, C)} appraised) is ${threshold.en}.`,
        ja:
          `掛目考慮後の LTV は ${percent(value)}（（本件融資 ${money(amount, C)} + 先順位債権 ${money(priorCharges, C)}）÷ ` +
          `担保掛目適用後の担保価値 ${money(valueAfterHaircuts, C)}、担保評価額 ${money(grossValue, C)}）で、基準の${threshold.ja}に該当します。`,
      }
    : {
        en:
          `The collateral is worth ${money(valueAfterHaircuts, C)} after haircuts (${money(grossValue, C)} appraised) against ` +
          `${claim} of facility and prior-ranking charges: LTV is unlimited, ${threshold.en}.`,
        ja:
          `担保掛目適用後の担保価値が ${money(valueAfterHaircuts, C)}（担保評価額 ${money(grossValue, C)}）で、本件融資と先順位債権 ` +
          `${claim} を保全できず、LTV は無限大として基準の${threshold.ja}に該当します。`,
      };
  return ruleFinding(
    "LEN-LTV",
    rule,
    severity,
    message,
    { ltv: metricValue(value), amount, priorCharges, collateralValue: grossValue, collateralValueAfterHaircuts: valueAfterHaircuts },
    ["facility.amount", "facility.collateral"],
  );
}
