import { evaluateTiers, type ExpertFinding } from "@kyocho/core";
import { dscr } from "../calculators/dscr.js";
import { money, times } from "../format.js";
import type { TieredRule } from "../lending-policy.js";
import { ruleFinding } from "@kyocho/core";
import { thresholdText } from "./tier-text.js";

/** What LEN-DSCR reads, in the financials currency. */
export interface DscrFacts {
  ebitda: number;
  annualDebtService: number;
  newDebtService: number;
  currency: string;
}

/**
 * LEN-DSCR: debt service coverage against the policy tiers. No debt service
 * means unlimited cover, which no tier can flag.
 *
 * @example
 * applyDscrRule(policy.rules["LEN-DSCR"], { ebitda: 110, annualDebtService: 80, newDebtService: 20, currency: "JPY" })
 * // { ruleId: "LEN-DSCR", severity: "high", metrics: { dscr: 1.1, ... }, ... }
 */
export function applyDscrRule(rule: TieredRule, facts: DscrFacts): ExpertFinding | undefined {
  const { ebitda, annualDebtService, newDebtService, currency } = facts;
  const value = dscr({ ebitda, annualDebtService, newDebtService });
  if (!Number.isFinite(value)) return undefined;
  const severity = evaluateTiers(value, rule.tiers);
  if (!severity) return undefined;
  return ruleFinding(
    "LEN-DSCR",
    rule,
    severity,
    `DSCR ${times(value)} (EBITDA ${money(ebitda, currency)} / debt service ${money(annualDebtService + newDebtService, currency)}: ` +
      `existing ${money(annualDebtService, currency)} + new facility ${money(newDebtService, currency)}) is ` +
      `${thresholdText(value, rule.tiers, severity)}.`,
    { dscr: value, ebitda, annualDebtService, newDebtService },
  );
}
