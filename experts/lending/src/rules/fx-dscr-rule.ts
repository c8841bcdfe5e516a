import { compareSeverity, evaluateTiers, type ExpertFinding, type Severity } from "@kyocho/core";
import { fxStress } from "../calculators/fx-stress.js";
import { effectiveHedgeRatio } from "../calculators/unhedged-foreign-share.js";
import { money, percent, times } from "../format.js";
import type { FxDscrRule } from "../lending-policy.js";
import { ruleFinding } from "@kyocho/core";
import { thresholdText } from "./tier-text.js";

/** What LEN-FXDSCR reads, in the financials currency. */
export interface FxDscrFacts {
  ebitda: number;
  annualDebtService: number;
  newDebtService: number;
  currency: string;
  foreignRevenueShare: Readonly<Record<string, number>>;
  /** The fx expert's hedgeRatio per currency; absent ⇒ 0. */
  hedgeRatios: Readonly<Record<string, number | null | undefined>>;
  /** The severity LEN-DSCR reported for the unstressed ratio, undefined when it reported none. */
  dscrSeverity: Severity | undefined;
}

/**
 * LEN-FXDSCR: DSCR after the policy's adverse FX move on unhedged foreign
 * revenue. It is reported only when the stress makes the verdict strictly
 * worse than LEN-DSCR's, so one weakness is never counted twice.
 *
 * @example
 * applyFxDscrRule(policy.rules["LEN-FXDSCR"], { ebitda: 130, annualDebtService: 100, newDebtService: 0, currency: "JPY",
 *   foreignRevenueShare: { USD: 0.5 }, hedgeRatios: {}, dscrSeverity: undefined })
 * // stressed EBITDA 117, stressed DSCR 1.17 → { ruleId: "LEN-FXDSCR", severity: "high", ... }
 */
export function applyFxDscrRule(rule: FxDscrRule, facts: FxDscrFacts): ExpertFinding | undefined {
  const { ebitda, annualDebtService, newDebtService, currency, foreignRevenueShare, hedgeRatios } = facts;
  const foreign = Object.keys(foreignRevenueShare).filter((c) => c !== currency).sort();
  if (foreign.length === 0) return undefined;
  const stress = fxStress({
    ebitda,
    annualDebtService,
    newDebtService,
    financialsCurrency: currency,
    foreignRevenueShare,
    hedgeRatios,
    revenueShock: rule.revenueShock,
  });
  if (!Number.isFinite(stress.stressedDscr)) return undefined;
  const severity = evaluateTiers(stress.stressedDscr, rule.tiers);
  if (!severity) return undefined;
  if (facts.dscrSeverity !== undefined && compareSeverity(severity, facts.dscrSeverity) <= 0) return undefined;

  const perCurrency: Record<string, number> = {};
  for (const c of foreign) {
    perCurrency[`revenueShare.${c}`] = foreignRevenueShare[c]!;
    perCurrency[`hedgeRatio.${c}`] = effectiveHedgeRatio(hedgeRatios[c]);
  }
  const debtService = annualDebtService + newDebtService;
  return ruleFinding(
    "LEN-FXDSCR",
    rule,
    severity,
    `A ${percent(rule.revenueShock)} adverse FX move on unhedged foreign revenue (${percent(stress.unhedgedShare)} of revenue, ` +
      `in ${foreign.join(", ")}) takes EBITDA from ${money(ebitda, currency)} to ${money(stress.stressedEbitda, currency)} ` +
      `and DSCR to ${times(stress.stressedDscr)} (debt service ${money(debtService, currency)}), ` +
      `${thresholdText(stress.stressedDscr, rule.tiers, severity)}.`,
    {
      fxStressedDscr: stress.stressedDscr,
      stressedEbitda: stress.stressedEbitda,
      ebitda,
      debtService,
      unhedgedForeignShare: stress.unhedgedShare,
      revenueShock: rule.revenueShock,
      ...perCurrency,
    },
  );
}
