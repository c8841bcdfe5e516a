import { evaluateTiers, type ExpertFinding } from "@kyocho/core";
import { icr } from "../calculators/icr.js";
import { money, times } from "../format.js";
import type { TieredRule } from "../lending-policy.js";
import { ruleFinding } from "@kyocho/core";
import { thresholdText } from "./tier-text.js";

/** What LEN-ICR reads, in the financials currency. */
export interface IcrFacts {
  ebitda: number;
  interestExpense: number;
  facilityAmountInF: number;
  rate: number;
  currency: string;
}

/**
 * LEN-ICR: interest cover against the policy tiers. No interest to pay means
 * unlimited cover, which no tier can flag.
 *
 * @example
 * applyIcrRule(policy.rules["LEN-ICR"], { ebitda: 50, interestExpense: 20, facilityAmountInF: 0, rate: 0, currency: "JPY" })
 * // { ruleId: "LEN-ICR", severity: "medium", metrics: { icr: 2.5, ... }, ... }
 */
export function applyIcrRule(rule: TieredRule, facts: IcrFacts): ExpertFinding | undefined {
  const { ebitda, interestExpense, facilityAmountInF, rate, currency } = facts;
  const value = icr({ ebitda, interestExpense, facilityAmount: facilityAmountInF, rate });
  if (!Number.isFinite(value)) return undefined;
  const severity = evaluateTiers(value, rule.tiers);
  if (!severity) return undefined;
  const newInterest = facilityAmountInF * rate;
  return ruleFinding(
    "LEN-ICR",
    rule,
    severity,
    `Interest cover ${times(value)} (EBITDA ${money(ebitda, currency)} / interest ${money(interestExpense + newInterest, currency)}: ` +
      `existing ${money(interestExpense, currency)} + new facility ${money(newInterest, currency)}) is ` +
      `${thresholdText(value, rule.tiers, severity)}.`,
    { icr: value, ebitda, interestExpense, newInterest },
  );
}
