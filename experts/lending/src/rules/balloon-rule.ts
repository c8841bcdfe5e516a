import { evaluateTiers, ruleFinding } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { balloonYears, hasBalloon } from "../calculators/balloon.js";
import { metricValue, money, years, yearsJa } from "../format.js";
import type { BalloonRule } from "../lending-policy.js";
import { thresholdText } from "./tier-text.js";

/** What LEN-BALLOON reads: the facility's repayment profile, and the new debt and CFADS in F. */
export interface BalloonFacts {
  amortization: "bullet" | "linear";
  tenorYears: number;
  /** The facility amount in F. */
  newDebt: number;
  cfads: number;
  currency: string;
}

/**
 * LEN-BALLOON: a bullet facility (any type) longer than the policy's
 * `tenorAboveYears` repays everything at maturity, so it is judged on the
 * years of CFADS the balloon takes (new debt / CFADS) against the tiers;
 * CFADS at or below zero gets `nonPositiveCfads` outright. A facility of
 * zero amount has no balloon.
 *
 * @example
 * applyBalloonRule(policy.rules["LEN-BALLOON"], { amortization: "bullet", tenorYears: 5, newDebt: 400, cfads: 100, currency: "JPY" })
 * // balloon 4.00 years → { ruleId: "LEN-BALLOON", severity: "medium", ... }
 */
export function applyBalloonRule(rule: BalloonRule, facts: BalloonFacts): ExpertFinding | undefined {
  const { newDebt, cfads, tenorYears, currency: F } = facts;
  if (!hasBalloon(facts, rule.tenorAboveYears) || newDebt <= 0) return undefined;
  const value = balloonYears({ newDebt, cfads });
  const metrics = { balloonYears: metricValue(value), newDebt, cfads, tenorYears };
  const fields = ["facility.amortization", "facility.tenorYears", "facility.amount"];
  if (value === undefined) {
    return ruleFinding(
      "LEN-BALLOON",
      rule,
      rule.nonPositiveCfads,
      {
        en:
          `The ${tenorYears}-year bullet facility of ${money(newDebt, F)} falls due in one payment, and CFADS is ` +
          `${money(cfads, F)} (zero or negative): the balloon can only be refinanced, not repaid from cash flow.`,
        ja:
          `期間${tenorYears}年・期日一括返済の本件融資 ${money(newDebt, F)} に対し、返済原資（CFADS）が ${money(cfads, F)}（ゼロ以下）` +
          "のため、期日の一括返済はキャッシュフローでは賄えず、借換えに頼るほかありません。",
      },
      metrics,
      fields,
    );
  }
  const severity = evaluateTiers(value, rule.tiers);
  if (!severity) return undefined;
  const threshold = thresholdText(value, rule.tiers, severity, "years");
  return ruleFinding(
    "LEN-BALLOON",
    rule,
    severity,
    {
      en:
        `The ${tenorYears}-year bullet facility of ${money(newDebt, F)} takes ${years(value)} of CFADS ` +
        `(${money(cfads, F)} a year) to repay at maturity, ${threshold.en} years.`,
      ja:
        `期間${tenorYears}年・期日一括返済の本件融資 ${money(newDebt, F)} は返済原資（CFADS、年 ${money(cfads, F)}）の ` +
        `${yearsJa(value)}分に相当し、基準の${threshold.ja}に該当します。`,
    },
    metrics,
    fields,
  );
}
