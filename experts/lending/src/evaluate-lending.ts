import type { Case, ExpertFinding, ExpertOutput, ExpertResult } from "@kyocho/core";
import { dscr } from "./calculators/dscr.js";
import { facilityAmountInF } from "./calculators/facility-amount-in-f.js";
import { fxStress } from "./calculators/fx-stress.js";
import { icr } from "./calculators/icr.js";
import { leverage } from "./calculators/leverage.js";
import { ltv } from "./calculators/ltv.js";
import { newDebtService } from "./calculators/new-debt-service.js";
import { metricValue } from "./format.js";
import { foreignRevenueCurrencies } from "./foreign-revenue.js";
import { readHedgeRatios } from "./hedge-ratios.js";
import { LENDING_RULE_IDS, type LendingPolicy } from "./lending-policy.js";
import { applyDscrRule } from "./rules/dscr-rule.js";
import { applyFxDscrRule } from "./rules/fx-dscr-rule.js";
import { applyIcrRule } from "./rules/icr-rule.js";
import { applyLeverageRule } from "./rules/leverage-rule.js";
import { applyLtvRule } from "./rules/ltv-rule.js";
import { applyTenorRule } from "./rules/tenor-rule.js";

/** What {@link evaluateLending} needs from the run context. */
export interface LendingEvaluationInput {
  case: Case | undefined;
  policy: LendingPolicy;
  /** The fx expert's result, when lending ran after it. */
  fx?: ExpertResult | undefined;
  dataGap(fields: string[], message: string): ExpertFinding;
}

/** The fields lending would need to judge a deal it was asked about without data. */
export const LENDING_NEEDED_FIELDS = ["borrower.financials", "facility"] as const;

/**
 * Applies the lending policy to a case: computes A_F, DS_new and the ratios
 * with the calculators, runs each rule and reports what could not be judged
 * as data gaps. Deterministic; this is the whole expert when no model is set.
 *
 * @example
 * const out = evaluateLending({ case: c, policy, fx: deps.fx, dataGap });
 * out.metrics // { leverage: 4.5, dscr: 1.3, icr: 3.2, facilityAmountInF: 150, newDebtService: 38, tenorYears: 5 }
 */
export function evaluateLending(input: LendingEvaluationInput): ExpertOutput {
  const { case: c, policy, dataGap } = input;
  const financials = c?.borrower?.financials;
  const facility = c?.facility;
  if (!c || (!financials && !facility)) {
    return {
      findings: [
        dataGap(
          [...LENDING_NEEDED_FIELDS],
          "No borrower financials or facility in the case, so no credit rule could be applied. Leverage, DSCR and " +
            "interest cover need borrower.financials (currency, revenue, ebitda, totalDebt, interestExpense, " +
            "annualDebtService, foreignRevenueShare); loan to value and tenor need facility (type, amount, currency, " +
            "tenorYears, rate, amortization, collateralValue).",
        ),
      ],
      metrics: {},
      notes: ["Answered from the credit policy documents only: the case holds no lending data."],
    };
  }

  const findings: ExpertFinding[] = [];
  const metrics: Record<string, number | null> = {};
  const notes: string[] = [];
  const push = (finding: ExpertFinding | undefined) => finding && findings.push(finding);
  const { rules } = policy;

  if (facility) {
    metrics.tenorYears = facility.tenorYears;
    if (facility.collateralValue !== undefined) {
      const facts = { amount: facility.amount, collateralValue: facility.collateralValue, currency: facility.currency };
      metrics.ltv = metricValue(ltv(facts));
      push(applyLtvRule(rules["LEN-LTV"], facts));
    } else {
      notes.push("LEN-LTV not applied: the facility has no collateralValue (unsecured).");
    }
    push(applyTenorRule(rules["LEN-TENOR"], { tenorYears: facility.tenorYears }));
  }

  if (!financials) {
    push(
      dataGap(
        ["borrower.financials"],
        "The case has a facility but no borrower financials, so leverage (LEN-LEV), debt service coverage (LEN-DSCR) " +
          "and interest cover (LEN-ICR) could not be evaluated.",
      ),
    );
    return { findings: ordered(findings), metrics, notes };
  }

  const currency = financials.currency;
  let amountInF = 0;
  if (facility) {
    const converted = facilityAmountInF(c, facility, currency);
    if (!converted.ok) {
      metrics.facilityAmountInF = null;
      metrics.newDebtService = null;
      push(
        dataGap(
          converted.missing,
          `The ${facility.currency} facility cannot be converted to the financials currency ${currency} without ` +
            `${converted.missing.join(" and ")}, so leverage, DSCR, interest cover and FX-stressed DSCR could not be evaluated.`,
        ),
      );
      return { findings: ordered(findings), metrics, notes };
    }
    amountInF = converted.value;
  }

  const { ebitda, totalDebt, interestExpense, annualDebtService } = financials;
  const rate = facility?.rate ?? 0;
  const dsNew = facility
    ? newDebtService({ amount: amountInF, rate, tenorYears: facility.tenorYears, amortization: facility.amortization })
    : 0;
  metrics.facilityAmountInF = amountInF;
  metrics.newDebtService = dsNew;
  metrics.leverage = metricValue(leverage({ totalDebt, facilityAmount: amountInF, ebitda }));
  metrics.dscr = metricValue(dscr({ ebitda, annualDebtService, newDebtService: dsNew }));
  metrics.icr = metricValue(icr({ ebitda, interestExpense, facilityAmount: amountInF, rate }));
  if (annualDebtService + dsNew <= 0) notes.push("No debt service, existing or new: debt service cover is unlimited.");
  if (interestExpense + amountInF * rate <= 0) notes.push("No interest, existing or new: interest cover is unlimited.");

  push(applyLeverageRule(rules["LEN-LEV"], { totalDebt, facilityAmountInF: amountInF, ebitda, currency }));
  const dscrFinding = applyDscrRule(rules["LEN-DSCR"], { ebitda, annualDebtService, newDebtService: dsNew, currency });
  push(dscrFinding);
  push(applyIcrRule(rules["LEN-ICR"], { ebitda, interestExpense, facilityAmountInF: amountInF, rate, currency }));

  const foreign = foreignRevenueCurrencies(c);
  if (foreign.length > 0 && financials.foreignRevenueShare) {
    const hedges = readHedgeRatios(input.fx, foreign);
    notes.push(...hedges.notes);
    const rule = rules["LEN-FXDSCR"];
    const stress = fxStress({
      ebitda,
      annualDebtService,
      newDebtService: dsNew,
      financialsCurrency: currency,
      foreignRevenueShare: financials.foreignRevenueShare,
      hedgeRatios: hedges.ratios,
      revenueShock: rule.revenueShock,
    });
    metrics.stressedEbitda = stress.stressedEbitda;
    metrics.fxStressedDscr = metricValue(stress.stressedDscr);
    metrics.unhedgedForeignRevenueShare = stress.unhedgedShare;
    push(
      applyFxDscrRule(rule, {
        ebitda,
        annualDebtService,
        newDebtService: dsNew,
        currency,
        foreignRevenueShare: financials.foreignRevenueShare,
        hedgeRatios: hedges.ratios,
        dscrSeverity: dscrFinding?.severity,
      }),
    );
  }
  return { findings: ordered(findings), metrics, notes };
}

/** Data gaps first, then rules in policy order: a reviewer reads what is missing before what was judged. */
function ordered(findings: ExpertFinding[]): ExpertFinding[] {
  // Unknown ids (DATA-GAP) rank -1, ahead of every rule.
  const rank = (id: string) => (LENDING_RULE_IDS as readonly string[]).indexOf(id);
  return [...findings].sort((a, b) => rank(a.ruleId) - rank(b.ruleId));
}
