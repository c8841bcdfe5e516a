import { evaluateTiers, ruleFinding } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { dscr } from "../calculators/dscr.js";
import { money, times, timesJa } from "../format.js";
import type { TieredRule } from "../lending-policy.js";
import { thresholdText } from "./tier-text.js";

/** What LEN-DSCR reads, in the borrower's reporting currency F. */
export interface DscrFacts {
  cfads: number;
  /** True when no cash-flow item was given, so CFADS is EBITDA. */
  cfadsFromEbitda: boolean;
  /** Existing debt service after refinancing. */
  existingDebtService: number;
  newDebtService: number;
  currency: string;
}

/**
 * LEN-DSCR: CFADS / pro-forma debt service against the policy tiers. No
 * debt service means unlimited cover, which no tier can flag.
 *
 * @example
 * applyDscrRule(policy.rules["LEN-DSCR"], { cfads: 110, cfadsFromEbitda: false, existingDebtService: 80, newDebtService: 20, currency: "JPY" })
 * // { ruleId: "LEN-DSCR", severity: "high", metrics: { dscr: 1.1, ... }, ... }
 */
export function applyDscrRule(rule: TieredRule, facts: DscrFacts): ExpertFinding | undefined {
  const { cfads, cfadsFromEbitda, existingDebtService, newDebtService, currency: F } = facts;
  const debtService = existingDebtService + newDebtService;
  const value = dscr({ cfads, debtService });
  if (!Number.isFinite(value)) return undefined;
  const severity = evaluateTiers(value, rule.tiers);
  if (!severity) return undefined;
  const threshold = thresholdText(value, rule.tiers, severity, "times");
  const basis = cfadsFromEbitda
    ? {
        en: "CFADS taken as EBITDA: no taxes, maintenance capex or working capital given",
        ja: "税金・維持更新投資・運転資本の記載がないため CFADS は EBITDA で代用",
      }
    : { en: "CFADS = EBITDA − taxes − maintenance capex − working capital increase", ja: "CFADS = EBITDA − 税金 − 維持更新投資 − 運転資本増加" };
  return ruleFinding(
    "LEN-DSCR",
    rule,
    severity,
    {
      en:
        `DSCR ${times(value)} (CFADS ${money(cfads, F)} / debt service ${money(debtService, F)}: existing after refinancing ` +
        `${money(existingDebtService, F)} + new facility ${money(newDebtService, F)}; ${basis.en}) is ${threshold.en}.`,
      ja:
        `債務償還余力（DSCR）は ${timesJa(value)}（返済原資 CFADS ${money(cfads, F)} ÷ 元利金返済額 ${money(debtService, F)}：` +
        `借換後の既存分 ${money(existingDebtService, F)} + 本件融資 ${money(newDebtService, F)}。${basis.ja}）で、` +
        `基準の${threshold.ja}に該当します。`,
    },
    { dscr: value, cfads, debtService, existingDebtService, newDebtService, cfadsBasisEbitda: cfadsFromEbitda ? 1 : 0 },
    ["borrower.financials.annualDebtService", "borrower.financials.ebitda", "facility.amount"],
  );
}
