import { evaluateTiers, ruleFinding } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import type { TieredRule } from "../lending-policy.js";
import { thresholdText } from "./tier-text.js";

/**
 * LEN-TENOR: the facility's tenor in years against the policy tiers; a long
 * tenor outlives the forecasts the credit was approved on.
 *
 * @example
 * applyTenorRule(policy.rules["LEN-TENOR"], { tenorYears: 12 })
 * // { ruleId: "LEN-TENOR", severity: "medium", metrics: { tenorYears: 12 }, ... }
 */
export function applyTenorRule(rule: TieredRule, facts: { tenorYears: number }): ExpertFinding | undefined {
  const { tenorYears } = facts;
  const severity = evaluateTiers(tenorYears, rule.tiers);
  if (!severity) return undefined;
  const threshold = thresholdText(tenorYears, rule.tiers, severity, "years");
  return ruleFinding(
    "LEN-TENOR",
    rule,
    severity,
    {
      en: `Tenor of ${tenorYears} years is ${threshold.en} years.`,
      ja: `融資期間${tenorYears}年は、基準の${threshold.ja}に該当します。`,
    },
    { tenorYears },
    ["facility.tenorYears"],
  );
}
