import { evaluateTiers, ruleFinding } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { icr } from "../calculators/icr.js";
import { money, times, timesJa } from "../format.js";
import type { TieredRule } from "../lending-policy.js";
import { thresholdText } from "./tier-text.js";

/** What LEN-ICR reads, in the borrower's reporting currency F. */
export interface IcrFacts {
  ebitda: number;
  /** Existing interest after refinancing. */
  existingInterest: number;
  newInterest: number;
  currency: string;
}

/**
 * LEN-ICR: EBITDA / pro-forma interest against the policy tiers (below 1.0
 * the borrower does not earn its interest bill). No interest to pay means
 * unlimited cover, which no tier can flag.
 *
 * @example
 * applyIcrRule(policy.rules["LEN-ICR"], { ebitda: 50, existingInterest: 20, newInterest: 0, currency: "JPY" })
 * // { ruleId: "LEN-ICR", severity: "medium", metrics: { icr: 2.5, ... }, ... }
 */
export function applyIcrRule(rule: TieredRule, facts: IcrFacts): ExpertFinding | undefined {
  const { ebitda, existingInterest, newInterest, currency: F } = facts;
  const interest = existingInterest + newInterest;
  const value = icr({ ebitda, interest });
  if (!Number.isFinite(value)) return undefined;
  const severity = evaluateTiers(value, rule.tiers);
  if (!severity) return undefined;
  const threshold = thresholdText(value, rule.tiers, severity, "times");
  return ruleFinding(
    "LEN-ICR",
    rule,
    severity,
    {
      en:
        `Interest cover ${times(value)} (EBITDA ${money(ebitda, F)} / interest ${money(interest, F)}: existing after refinancing ` +
        `${money(existingInterest, F)} + new facility ${money(newInterest, F)}) is ${threshold.en}.`,
      ja:
        `インタレスト・カバレッジ（ICR）は ${timesJa(value)}（EBITDA ${money(ebitda, F)} ÷ 支払利息 ${money(interest, F)}：` +
        `借換後の既存分 ${money(existingInterest, F)} + 本件融資 ${money(newInterest, F)}）で、基準の${threshold.ja}に該当します。`,
    },
    { icr: value, ebitda, interest, existingInterest, newInterest },
    ["borrower.financials.ebitda", "borrower.financials.interestExpense", "facility.rate"],
  );
}
