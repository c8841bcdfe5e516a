import { evaluateTiers, ruleFinding } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { leverage, netDebt } from "../calculators/leverage.js";
import { metricValue, money, times, timesJa } from "../format.js";
import type { LeverageRule } from "../lending-policy.js";
import { thresholdText } from "./tier-text.js";

/** What LEN-LEV reads, in the borrower's reporting currency F. */
export interface LeverageFacts {
  /** totalDebt − refinanced + newDebt. */
  proFormaDebt: number;
  /** borrower.financials.cash; absent counts as none. */
  cash?: number | undefined;
  ebitda: number;
  currency: string;
}

/**
 * LEN-LEV: net leverage (pro-forma debt − cash) / EBITDA against the policy
 * tiers. A borrower with net cash (net debt ≤ 0) has nothing to flag; zero
 * or negative EBITDA with positive net debt gets the policy's
 * `nonPositiveEbitda` severity, since no multiple of earnings repays it.
 *
 * @example
 * applyLeverageRule(policy.rules["LEN-LEV"], { proFormaDebt: 650, cash: 50, ebitda: 100, currency: "JPY" })
 * // { ruleId: "LEN-LEV", severity: "medium", metrics: { leverage: 6, netDebt: 600, ... }, ... }
 */
export function applyLeverageRule(rule: LeverageRule, facts: LeverageFacts): ExpertFinding | undefined {
  const { proFormaDebt, cash, ebitda, currency: F } = facts;
  const net = netDebt({ proFormaDebt, cash });
  if (net <= 0) return undefined;
  const value = leverage({ netDebt: net, ebitda });
  const metrics = { leverage: metricValue(value), netDebt: net, proFormaDebt, cash: cash ?? 0, ebitda };
  const fields = ["borrower.financials.totalDebt", "borrower.financials.cash", "borrower.financials.ebitda"];
  const debt = `${money(proFormaDebt, F)} − ${money(cash ?? 0, F)}`;
  if (value === undefined) {
    return ruleFinding(
      "LEN-LEV",
      rule,
      rule.nonPositiveEbitda,
      {
        en:
          `EBITDA is ${money(ebitda, F)} (zero or negative) against net debt of ${money(net, F)} (pro-forma debt ${debt} cash): ` +
          "the debt cannot be repaid from earnings, so leverage has no meaningful multiple.",
        ja:
          `EBITDA が ${money(ebitda, F)}（ゼロ以下）で、純有利子負債 ${money(net, F)}（プロフォーマ有利子負債 ${debt} 現預金）を` +
          "事業収益から返済できないため、有利子負債倍率は意味のある倍率になりません。",
      },
      metrics,
      fields,
    );
  }
  const severity = evaluateTiers(value, rule.tiers);
  if (!severity) return undefined;
  const threshold = thresholdText(value, rule.tiers, severity, "times");
  return ruleFinding(
    "LEN-LEV",
    rule,
    severity,
    {
      en:
        `Net leverage ${times(value)} ((pro-forma debt ${money(proFormaDebt, F)} − cash ${money(cash ?? 0, F)}) / ` +
        `EBITDA ${money(ebitda, F)}) is ${threshold.en}.`,
      ja:
        `有利子負債倍率（ネット）は ${timesJa(value)}（（プロフォーマ有利子負債 ${money(proFormaDebt, F)} − 現預金 ` +
        `${money(cash ?? 0, F)}）÷ EBITDA ${money(ebitda, F)}）で、基準の${threshold.ja}に該当します。`,
    },
    metrics,
    fields,
  );
}
