import { evaluateTiers, type ExpertFinding } from "@kyocho/core";
import { leverage } from "../calculators/leverage.js";
import { money, times } from "../format.js";
import type { LeverageRule } from "../lending-policy.js";
import { ruleFinding } from "@kyocho/core";
import { thresholdText } from "./tier-text.js";

/** What LEN-LEV reads, in the financials currency. */
export interface LeverageFacts {
  totalDebt: number;
  facilityAmountInF: number;
  ebitda: number;
  currency: string;
}

/**
 * LEN-LEV: pro-forma leverage against the policy tiers; zero or negative
 * EBITDA gets the policy's `nonPositiveEbitda` severity, since no multiple of
 * earnings can repay the debt.
 *
 * @example
 * applyLeverageRule(policy.rules["LEN-LEV"], { totalDebt: 500, facilityAmountInF: 150, ebitda: 100, currency: "JPY" })
 * // { ruleId: "LEN-LEV", severity: "high", metrics: { leverage: 6.5, ... }, ... }
 */
export function applyLeverageRule(rule: LeverageRule, facts: LeverageFacts): ExpertFinding | undefined {
  const { totalDebt, facilityAmountInF, ebitda, currency } = facts;
  const value = leverage({ totalDebt, facilityAmount: facilityAmountInF, ebitda });
  const metrics = { leverage: value ?? null, totalDebt, facilityAmountInF, ebitda };
  if (value === undefined) {
    return ruleFinding(
      "LEN-LEV",
      rule,
      rule.nonPositiveEbitda,
      `EBITDA is ${money(ebitda, currency)} (zero or negative): debt of ${money(totalDebt + facilityAmountInF, currency)} ` +
        "cannot be repaid from earnings, so leverage has no meaningful multiple.",
      metrics,
    );
  }
  const severity = evaluateTiers(value, rule.tiers);
  if (!severity) return undefined;
  return ruleFinding(
    "LEN-LEV",
    rule,
    severity,
    `Pro-forma leverage ${times(value)} ((total debt ${money(totalDebt, currency)} + new facility ` +
      `${money(facilityAmountInF, currency)}) / EBITDA ${money(ebitda, currency)}) is ${thresholdText(value, rule.tiers, severity)}.`,
    metrics,
  );
}
