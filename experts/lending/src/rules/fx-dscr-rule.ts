import { compareSeverity } from "@kyocho/core/assessment";
import { evaluateTiers, ruleFinding, type Severity } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { dscr } from "../calculators/dscr.js";
import { fxStressedDscr } from "../calculators/fx-stressed-dscr.js";
import { money, times, timesJa } from "../format.js";
import type { FxDscrRule } from "../lending-policy.js";
import { thresholdText } from "./tier-text.js";

/** What LEN-FXDSCR reads, in the borrower's reporting currency F. */
export interface FxDscrFacts {
  cfads: number;
  /** The fx expert's `fxLoss`: the one-year cash the policy's FX shock costs on the open positions, in F. */
  fxLoss: number;
  debtService: number;
  currency: string;
  /** The severity LEN-DSCR reported for the unstressed ratio, undefined when it reported none. */
  dscrSeverity: Severity | undefined;
}

/**
 * LEN-FXDSCR: (CFADS − fxLoss) / debt service against the policy tiers. It
 * is reported only when the stress makes the verdict strictly worse than
 * LEN-DSCR's, so one weakness is never counted twice.
 *
 * @example
 * applyFxDscrRule(policy.rules["LEN-FXDSCR"], { cfads: 130, fxLoss: 20, debtService: 100, currency: "JPY", dscrSeverity: undefined })
 * // (130 − 20) / 100 = 1.10 → { ruleId: "LEN-FXDSCR", severity: "high", ... }
 */
export function applyFxDscrRule(rule: FxDscrRule, facts: FxDscrFacts): ExpertFinding | undefined {
  const { cfads, fxLoss, debtService, currency: F } = facts;
  const value = fxStressedDscr({ cfads, fxLoss, debtService });
  if (!Number.isFinite(value)) return undefined;
  const severity = evaluateTiers(value, rule.tiers);
  if (!severity) return undefined;
  if (facts.dscrSeverity !== undefined && compareSeverity(severity, facts.dscrSeverity) <= 0) return undefined;
  const unstressed = dscr({ cfads, debtService });
  const threshold = thresholdText(value, rule.tiers, severity, "times");
  return ruleFinding(
    "LEN-FXDSCR",
    rule,
    severity,
    {
      en:
        `After the FX stress the borrower loses ${money(fxLoss, F)} on its open currency positions (the fx expert's fxLoss): ` +
        `DSCR falls from ${times(unstressed)} to ${times(value)} ((CFADS ${money(cfads, F)} − ${money(fxLoss, F)}) / ` +
        `debt service ${money(debtService, F)}), ${threshold.en}.`,
      ja:
        `為替ストレス時、借り手の為替オープン・ポジションに ${money(fxLoss, F)} の損失（為替エキスパートの fxLoss）が生じ、` +
        `DSCR は ${timesJa(unstressed)} から ${timesJa(value)}（（CFADS ${money(cfads, F)} − ${money(fxLoss, F)}）÷ ` +
        `元利金返済額 ${money(debtService, F)}）に低下し、基準の${threshold.ja}に該当します。`,
    },
    { fxStressedDscr: value, dscr: unstressed, cfads, fxLoss, debtService },
    ["borrower.financials.foreignRevenueShare", "borrower.financials.foreignCostShare", "borrower.financials.debtByCurrency", "fx.hedges"],
  );
}
