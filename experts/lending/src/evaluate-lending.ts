import { proFormaDebt } from "@kyocho/core/case";
import type { Case, ExpertResult, LocalizedText } from "@kyocho/core";
import type { ExpertFinding, ExpertOutput } from "@kyocho/core/expert";
import { hasBalloon } from "./calculators/balloon.js";
import { dscr } from "./calculators/dscr.js";
import { fxStressedDscr } from "./calculators/fx-stressed-dscr.js";
import { icr } from "./calculators/icr.js";
import { leverage, netDebt } from "./calculators/leverage.js";
import { collateralCover, ltv } from "./calculators/ltv.js";
import { lendingConflicts } from "./data-conflicts.js";
import { foreignCurrenciesOf } from "./foreign-currencies.js";
import { metricValue, money } from "./format.js";
import { LENDING_RULE_IDS, type LendingPolicy } from "./lending-policy.js";
import { applyBalloonRule } from "./rules/balloon-rule.js";
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
  dataGap: (fields: string[], message: LocalizedText) => ExpertFinding;
  dataConflict: (fields: string[], message: LocalizedText) => ExpertFinding;
}

/** The fields lending would need to judge a deal it was asked about without data. */
export const LENDING_NEEDED_FIELDS = ["borrower.financials", "facility"] as const;

/**
 * Applies the lending policy to a case, everything in the borrower's
 * reporting currency F except LTV (in the facility currency): core's
 * `proFormaDebt` gives new debt, refinanced debt, pro-forma debt, debt
 * service, interest and CFADS; the rules judge net leverage, DSCR, interest
 * cover, the balloon of a long bullet, haircut-adjusted LTV, tenor and the
 * DSCR after the fx expert's `fxLoss`. Contradictory figures are
 * DATA-CONFLICTs, missing ones DATA-GAPs. Deterministic; this is the whole
 * expert when no model is set.
 *
 * @example
 * const out = evaluateLending({ case: c, policy, fx: deps.fx, dataGap, dataConflict });
 * out.metrics // { proFormaDebt: 650, netDebt: 600, leverage: 6, dscr: 1.1, ... }
 */
export function evaluateLending(input: LendingEvaluationInput): ExpertOutput {
  const { case: c, policy, dataGap, dataConflict } = input;
  const financials = c?.borrower?.financials;
  const facility = c?.facility;
  if (!c || (!financials && !facility)) {
    return {
      findings: [
        dataGap([...LENDING_NEEDED_FIELDS], {
          en:
            "No borrower financials or facility in the case, so no credit rule could be applied. Leverage, DSCR, interest " +
            "cover and the balloon test need borrower.financials (currency, revenue, ebitda, totalDebt, interestExpense, " +
            "annualDebtService, and where known cash, taxesPaid, maintenanceCapex, workingCapitalChange); loan to value and " +
            "tenor need facility (type, amount, currency, tenorYears, rate, amortization, collateral).",
          ja:
            "案件に借り手の財務データも融資条件もないため、与信ルールを適用できませんでした。有利子負債倍率・DSCR・" +
            "インタレスト・カバレッジ・期日一括返済の判定には borrower.financials（通貨、売上高、EBITDA、有利子負債総額、" +
            "支払利息、年間元利金返済額、判明していれば現預金・税金・維持更新投資・運転資本増減）が、LTV と融資期間の判定には " +
            "facility（種類、金額、通貨、期間、金利、返済方法、担保）が必要です。",
        }),
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
    const collateral = facility.collateral ?? [];
    if (collateral.length > 0) {
      const cover = collateralCover(c, facility.currency, collateral, rules["LEN-LTV"].haircuts);
      if (cover.ok) {
        const { grossValue, valueAfterHaircuts, priorCharges } = cover.value;
        metrics.ltv = metricValue(ltv({ amount: facility.amount, priorCharges, valueAfterHaircuts }));
        metrics.collateralValue = grossValue;
        metrics.collateralValueAfterHaircuts = valueAfterHaircuts;
        metrics.priorCharges = priorCharges;
        push(applyLtvRule(rules["LEN-LTV"], { amount: facility.amount, priorCharges, grossValue, valueAfterHaircuts, currency: facility.currency }));
      } else {
        metrics.ltv = null;
        metrics.collateralValueAfterHaircuts = null;
        const paths = cover.missing.join(", ");
        push(
          dataGap(cover.missing, {
            en: `The collateral cannot be valued in the facility currency ${facility.currency} without ${paths}, so loan to value (LEN-LTV) could not be evaluated.`,
            ja: `${paths} がないため担保を融資通貨 ${facility.currency} に換算できず、LTV（LEN-LTV）を判定できませんでした。`,
          }),
        );
      }
    } else {
      notes.push("LEN-LTV not applied: the facility has no collateral (unsecured), so it is judged on cash flow alone.");
    }
    push(applyTenorRule(rules["LEN-TENOR"], { tenorYears: facility.tenorYears }));
  }

  if (!financials) {
    push(
      dataGap(["borrower.financials"], {
        en:
          "The case has a facility but no borrower financials, so leverage (LEN-LEV), debt service coverage (LEN-DSCR), " +
          "interest cover (LEN-ICR), the balloon test (LEN-BALLOON) and FX-stressed coverage (LEN-FXDSCR) could not be evaluated.",
        ja:
          "融資条件はありますが借り手の財務データがないため、有利子負債倍率（LEN-LEV）、DSCR（LEN-DSCR）、" +
          "インタレスト・カバレッジ（LEN-ICR）、期日一括返済（LEN-BALLOON）、為替ストレス後の DSCR（LEN-FXDSCR）を判定できませんでした。",
      }),
    );
    return { findings: ordered(findings), metrics, notes };
  }

  for (const conflict of lendingConflicts(financials, facility?.refinances)) push(dataConflict(conflict.fields, conflict.message));

  const F = financials.currency;
  const outcome = proFormaDebt(c)!;
  if (!outcome.ok) {
    const paths = outcome.missing.join(", ");
    for (const key of ["newDebt", "proFormaDebt", "netDebt", "debtService", "interest", "leverage", "dscr", "icr", "fxStressedDscr"]) {
      metrics[key] = null;
    }
    push(
      dataGap(outcome.missing, {
        en:
          `The facility and foreign-currency debt cannot be converted to the reporting currency ${F} without ${paths}, so ` +
          "leverage (LEN-LEV), DSCR (LEN-DSCR), interest cover (LEN-ICR), the balloon test (LEN-BALLOON) and " +
          "FX-stressed DSCR (LEN-FXDSCR) could not be evaluated.",
        ja:
          `${paths} がないため本件融資と外貨建て債務を決算通貨 ${F} に換算できず、有利子負債倍率（LEN-LEV）、DSCR（LEN-DSCR）、` +
          "インタレスト・カバレッジ（LEN-ICR）、期日一括返済（LEN-BALLOON）、為替ストレス後の DSCR（LEN-FXDSCR）を判定できませんでした。",
      }),
    );
    return { findings: ordered(findings), metrics, notes };
  }

  const pf = outcome.value;
  const { ebitda, cash } = financials;
  const net = netDebt({ proFormaDebt: pf.proFormaDebt, cash });
  const dscrValue = dscr({ cfads: pf.cfads, debtService: pf.debtService });
  Object.assign(metrics, {
    newDebt: pf.newDebt,
    refinanced: pf.refinanced,
    proFormaDebt: pf.proFormaDebt,
    cash: cash ?? null,
    netDebt: net,
    cfads: pf.cfads,
    cfadsBasisEbitda: pf.cfadsFromEbitda ? 1 : 0,
    debtService: pf.debtService,
    newDebtService: pf.newDebtService,
    interest: pf.interest,
    leverage: metricValue(leverage({ netDebt: net, ebitda })),
    dscr: metricValue(dscrValue),
    icr: metricValue(icr({ ebitda, interest: pf.interest })),
  });
  notes.push(
    pf.cfadsFromEbitda
      ? `CFADS basis: EBITDA (${money(pf.cfads, F)}) — the case gives no taxesPaid, maintenanceCapex or workingCapitalChange, so DSCR overstates the cash left for lenders by whatever the borrower pays in taxes and capex.`
      : `CFADS basis: cash flow — EBITDA ${money(ebitda, F)} − taxes ${money(financials.taxesPaid ?? 0, F)} − maintenance capex ` +
          `${money(financials.maintenanceCapex ?? 0, F)} − working capital increase ${money(financials.workingCapitalChange ?? 0, F)} = ${money(pf.cfads, F)}.`,
  );
  if (cash === undefined) notes.push("LEN-LEV: the case gives no cash, so leverage is measured on gross pro-forma debt.");
  if (pf.debtService <= 0) notes.push("No debt service, existing or new: debt service cover is unlimited (dscr null).");
  if (pf.interest <= 0) notes.push("No interest, existing or new: interest cover is unlimited (icr null).");

  push(applyLeverageRule(rules["LEN-LEV"], { proFormaDebt: pf.proFormaDebt, cash, ebitda, currency: F }));
  const dscrFinding = applyDscrRule(rules["LEN-DSCR"], {
    cfads: pf.cfads,
    cfadsFromEbitda: pf.cfadsFromEbitda,
    existingDebtService: pf.existingDebtService,
    newDebtService: pf.newDebtService,
    currency: F,
  });
  push(dscrFinding);
  push(applyIcrRule(rules["LEN-ICR"], { ebitda, existingInterest: pf.existingInterest, newInterest: pf.newInterest, currency: F }));

  if (facility && hasBalloon(facility, rules["LEN-BALLOON"].tenorAboveYears)) {
    metrics.balloonYears = pf.cfads > 0 ? pf.newDebt / pf.cfads : null;
    push(
      applyBalloonRule(rules["LEN-BALLOON"], {
        amortization: facility.amortization,
        tenorYears: facility.tenorYears,
        newDebt: pf.newDebt,
        cfads: pf.cfads,
        currency: F,
      }),
    );
  }

  const fxLoss = readFxLoss(c, input.fx, notes);
  metrics.fxLoss = fxLoss ?? null;
  if (fxLoss === undefined) {
    metrics.fxStressedDscr = null;
  } else {
    metrics.fxStressedDscr = metricValue(fxStressedDscr({ cfads: pf.cfads, fxLoss, debtService: pf.debtService }));
    push(
      applyFxDscrRule(rules["LEN-FXDSCR"], {
        cfads: pf.cfads,
        fxLoss,
        debtService: pf.debtService,
        currency: F,
        dscrSeverity: dscrFinding?.severity,
      }),
    );
  }
  return { findings: ordered(findings), metrics, notes };
}

/**
 * The FX loss LEN-FXDSCR stresses with, in F: 0 when the case names no
 * currency other than F (no mismatch, nothing to stress); otherwise the fx
 * expert's `fxLoss` metric. When fx did not run, did not finish, or reports
 * no usable fxLoss, undefined — with a note, and no guess.
 */
function readFxLoss(c: Case, fx: ExpertResult | undefined, notes: string[]): number | undefined {
  const foreign = foreignCurrenciesOf(c);
  if (foreign.length === 0) return 0;
  const named = foreign.join(", ");
  if (fx === undefined) {
    notes.push(
      `LEN-FXDSCR not evaluated: the case names ${named} besides the reporting currency, but no fx expert result was available, so the FX loss is unknown (not guessed).`,
    );
    return undefined;
  }
  if (fx.status !== "ok") {
    notes.push(`LEN-FXDSCR not evaluated: the fx expert did not finish (${fx.status}), so the FX loss on ${named} is unknown (not guessed).`);
    return undefined;
  }
  const value = fx.metrics.fxLoss;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    notes.push(`LEN-FXDSCR not evaluated: the fx expert reports no fxLoss for ${named}, so the FX-stressed DSCR is unknown (not guessed).`);
    return undefined;
  }
  return value;
}

/** Data gaps and conflicts first, then rules in policy order: a reviewer reads what is missing or contradictory before what was judged. */
function ordered(findings: ExpertFinding[]): ExpertFinding[] {
  // Unknown ids (DATA-GAP, DATA-CONFLICT) rank -1, ahead of every rule; the sort is stable.
  const rank = (id: string) => (LENDING_RULE_IDS as readonly string[]).indexOf(id);
  return [...findings].sort((a, b) => rank(a.ruleId) - rank(b.ruleId));
}
