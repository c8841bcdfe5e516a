import type { Case, LocalizedText } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { fxLoss } from "./calculators/fx-loss.js";
import { fxLossToCfads } from "./calculators/fx-loss-to-cfads.js";
import { valueAtRisk } from "./calculators/value-at-risk.js";
import { volAgainstReporting } from "./calculators/vol-against-reporting.js";
import { fxCurrencies } from "./fx-currencies.js";
import { currencyMismatch, type CurrencyMismatch } from "./fx-mismatch.js";
import type { FxPolicy } from "./fx-policy.js";
import { currencyNameJa, money, moneyJa } from "./rules/format.js";
import { fxHedgeFinding } from "./rules/fx-hedge.js";
import { fxOverhedgeFinding } from "./rules/fx-overhedge.js";
import { fxStressFinding } from "./rules/fx-stress.js";
import { fxVolFinding, volCandidate, type VolPosition } from "./rules/fx-vol.js";

/** Builds a DATA-GAP finding (the run context's `dataGap`). */
export type DataGapFactory = (fields: string[], message: LocalizedText) => ExpertFinding;

/** Builds a DATA-CONFLICT finding (the run context's `dataConflict`). */
export type DataConflictFactory = (fields: string[], message: LocalizedText) => ExpertFinding;

/** The deterministic FX assessment of one case. */
export interface FxAssessment {
  findings: ExpertFinding[];
  metrics: Record<string, number | null>;
  notes: string[];
}

/** The DATA-GAP of a case without borrower financials: there is no mismatch to measure. */
export const NO_FINANCIALS_MESSAGE: LocalizedText = {
  en:
    "Without the borrower's financials there is no currency mismatch to measure: give borrower.financials " +
    "(reporting currency, revenue, EBITDA, debt and debt service, foreignRevenueShare, foreignCostShare, debtByCurrency), " +
    "the borrower's fx.hedges, and a spot and volatility per foreign currency (marketData).",
  ja:
    "借入人の財務情報がないため、通貨ミスマッチを測定できない。borrower.financials（報告通貨、売上高、EBITDA、" +
    "有利子負債と元利金返済額、foreignRevenueShare・foreignCostShare・debtByCurrency）、借入人の為替ヘッジ（fx.hedges）、" +
    "外貨ごとの直物レートとボラティリティ（marketData）の記載が必要。",
};

/**
 * Applies the FX policy to a case with borrower financials: measures the
 * borrower's one-year mismatch per foreign currency in its reporting currency
 * F (see {@link currencyMismatch}), the stress loss against CFADS and the VaR,
 * and runs FX-HEDGE, FX-OVERHEDGE, FX-STRESS and FX-VOL. A spot the measure
 * needs, or a vol FX-VOL needs, is a DATA-GAP naming it; the metrics that
 * could not be computed are null. A borrower exposed to F alone gets no
 * finding and an fxLoss of 0.
 *
 * @example
 * const { findings, metrics } = assessFx(c, policy, ctx.dataGap, ctx.dataConflict);
 * metrics.fxLoss // the one-year loss in F that lending's LEN-FXDSCR reads
 */
export function assessFx(c: Case, policy: FxPolicy, dataGap: DataGapFactory, dataConflict: DataConflictFactory): FxAssessment {
  const outcome = currencyMismatch(c);
  if (outcome === undefined) {
    return { findings: [dataGap(["borrower.financials"], NO_FINANCIALS_MESSAGE)], metrics: unknownMetrics(c), notes: [] };
  }
  if (!outcome.ok) {
    const F = c.borrower!.financials!.currency;
    const fields = outcome.missing;
    const message = {
      en:
        `The borrower's currency mismatch cannot be measured in ${F}: the case lacks ${fields.join(", ")}, ` +
        `needed to convert foreign-currency debt, the facility or hedges into ${F}. FX-HEDGE, FX-OVERHEDGE, FX-STRESS and FX-VOL were not evaluated.`,
      ja:
        `外貨建ての債務・本件融資・ヘッジを${currencyNameJa(F)}に換算する直物レート（${fields.join("、")}）がないため、` +
        "借入人の通貨ミスマッチを測定できない。FX-HEDGE・FX-OVERHEDGE・FX-STRESS・FX-VOLは未判定。",
    };
    return { findings: [dataGap(fields, message)], metrics: unknownMetrics(c), notes: [] };
  }
  const assessment = assessMismatch(c, policy, outcome.value, dataGap);
  const conflict = foreignDebtConflict(outcome.value, dataConflict);
  return conflict ? { ...assessment, findings: [conflict, ...assessment.findings] } : assessment;
}

/**
 * Foreign-currency debt above total debt cannot be true (the rest of totalDebt
 * is in F): a DATA-CONFLICT. The debt service by currency is still computed
 * from the figures as given, so the report shows what they imply.
 */
function foreignDebtConflict(m: CurrencyMismatch, dataConflict: DataConflictFactory): ExpertFinding | undefined {
  if (m.foreignDebt <= m.totalDebt * (1 + 1e-9)) return undefined;
  const F = m.currency;
  return dataConflict(["borrower.financials.debtByCurrency", "borrower.financials.totalDebt"], {
    en:
      `Foreign-currency debt (debtByCurrency) comes to ${money(m.foreignDebt, F)}, above total debt of ${money(m.totalDebt, F)}: ` +
      "both cannot be true. The debt service by currency below is computed from the figures as given.",
    ja:
      `外貨建て債務（debtByCurrency）が${currencyNameJa(F)}換算で${moneyJa(m.foreignDebt, F)}となり、有利子負債総額${moneyJa(m.totalDebt, F)}を上回る。` +
      "両立しない数値であり、以下の通貨別元利金返済額は記載どおりの数値で計算している。",
  });
}

function assessMismatch(c: Case, policy: FxPolicy, mismatch: CurrencyMismatch, dataGap: DataGapFactory): FxAssessment {
  const { positions, currency: F, debt } = mismatch;
  const rules = policy.rules;
  const findings: ExpertFinding[] = [];
  const metrics: Record<string, number | null> = {};

  const loss = fxLoss(
    positions.map((p) => p.open),
    rules["FX-STRESS"].shock,
  );
  metrics.fxLoss = loss;
  metrics.cfads = debt.cfads;
  metrics.fxLossToCfads = fxLossToCfads(loss, debt.cfads);
  const vols = new Map(positions.map((p) => [p.currency, volOf(c, p.currency, F)]));
  for (const p of positions) {
    metrics[`inflow.${p.currency}`] = p.inflow;
    metrics[`outflow.${p.currency}`] = p.outflow;
    metrics[`net.${p.currency}`] = p.net;
    metrics[`hedge.${p.currency}`] = p.hedge;
    metrics[`open.${p.currency}`] = p.open;
    metrics[`hedgeRatio.${p.currency}`] = p.hedgeRatio;
    metrics[`vol.${p.currency}`] = vols.get(p.currency)!.vol ?? null;
  }

  const hedge = fxHedgeFinding(rules["FX-HEDGE"], positions, {
    currency: F,
    revenue: mismatch.revenue,
    materialityShareOfRevenue: policy.materialityShareOfRevenue,
    facilityTenorYears: c.facility?.tenorYears,
  });
  if (hedge) findings.push(hedge);
  const over = fxOverhedgeFinding(rules["FX-OVERHEDGE"], positions, F);
  if (over) findings.push(over);
  const stress = fxStressFinding(rules["FX-STRESS"], { fxLoss: loss, cfads: debt.cfads, currency: F });
  if (stress) findings.push(stress);

  // FX-VOL: only a position with enough left open needs a vol.
  const candidates = positions.filter((p) => volCandidate(rules["FX-VOL"], p));
  const known = candidates.flatMap((p): VolPosition[] => {
    const vol = vols.get(p.currency)!.vol;
    return vol === undefined ? [] : [{ ...p, vol }];
  });
  const vol = fxVolFinding(rules["FX-VOL"], known, F);
  if (vol) findings.push(vol);
  const missingVols = [...new Set(candidates.flatMap((p) => vols.get(p.currency)!.missing))];
  if (missingVols.length > 0) {
    const which = candidates.filter((p) => vols.get(p.currency)!.missing.length > 0).map((p) => p.currency);
    findings.push(
      dataGap(missingVols, {
        en: `FX-VOL could not be evaluated for ${which.join(", ")} against ${F}: the case lacks ${missingVols.join(", ")}.`,
        ja: `${which.join("・")}の対${currencyNameJa(F)}ボラティリティが不明のため、FX-VOLを判定できない（${missingVols.join("、")}がない）。`,
      }),
    );
  }

  const open = positions.filter((p) => p.open !== 0);
  const priced = open.flatMap((p) => {
    const v = vols.get(p.currency)!.vol;
    return v === undefined ? [] : [{ open: p.open, vol: v }];
  });
  metrics.var10d99 = priced.length === open.length ? valueAtRisk(priced, policy.valueAtRisk) : null;

  return { findings, metrics, notes: notesFor(mismatch) };
}

/**
 * The volatility of C against F: max(vol_C, vol_F), each against the bank's
 * base B (vol of B is 0), so C's own vol when F is B. The paths it lacks.
 */
function volOf(c: Case, C: string, F: string): { vol?: number; missing: string[] } {
  const against = (cur: string) => (cur === c.bank.baseCurrency ? 0 : c.marketData?.[cur]?.vol);
  const volC = against(C);
  const volF = against(F);
  const missing = [...(volC === undefined ? [`marketData.${C}.vol`] : []), ...(volF === undefined ? [`marketData.${F}.vol`] : [])];
  return volC === undefined || volF === undefined ? { missing } : { vol: volAgainstReporting(volC, volF), missing };
}

/** Every metric null: the mismatch could not be measured. */
function unknownMetrics(c: Case): Record<string, number | null> {
  const metrics: Record<string, number | null> = { fxLoss: null, cfads: null, fxLossToCfads: null, var10d99: null };
  for (const cur of fxCurrencies(c)) {
    for (const key of ["inflow", "outflow", "net", "hedge", "open", "hedgeRatio", "vol"]) metrics[`${key}.${cur}`] = null;
  }
  return metrics;
}

function notesFor(mismatch: CurrencyMismatch): string[] {
  const notes: string[] = [];
  const F = mismatch.currency;
  if (mismatch.positions.length === 0) {
    notes.push(`The borrower has no currency other than ${F} in its revenue, costs, debt, the facility or its hedges: no currency mismatch.`);
  }
  if (mismatch.hedgesInReportingCurrency > 0) {
    notes.push(
      `${mismatch.hedgesInReportingCurrency} fx.hedges line(s) are written in ${F}, the reporting currency itself: ` +
        "they cannot offset a foreign-currency position and were left out. Record a hedge in the foreign currency it sells or buys.",
    );
  }
  if (mismatch.debt.cfadsFromEbitda) {
    notes.push(
      `CFADS is EBITDA (${F} ${Math.round(mismatch.debt.cfads).toLocaleString("en-US")}): no taxes paid, maintenance capex or working-capital change in the case.`,
    );
  }
  return notes;
}
