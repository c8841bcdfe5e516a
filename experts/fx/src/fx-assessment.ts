import { spotOf, type Case, type ExpertFinding } from "@kyocho/core";
import { ebitdaInBase } from "./calculators/ebitda-in-base.js";
import { stressLoss } from "./calculators/stress-loss.js";
import { stressLossToEbitda } from "./calculators/stress-loss-to-ebitda.js";
import { valueAtRisk } from "./calculators/value-at-risk.js";
import { foreignCurrencies, pricedPositions, type PricedPosition } from "./fx-inputs.js";
import type { FxPolicy } from "./fx-policy.js";
import { fxHedgeFinding } from "./rules/fx-hedge.js";
import { fxStressFinding } from "./rules/fx-stress.js";
import { fxVolFinding } from "./rules/fx-vol.js";

/** Builds a DATA-GAP finding (the run context's `dataGap`). */
export type DataGapFactory = (fields: string[], message: string) => ExpertFinding;

/** The deterministic FX assessment of one case. */
export interface FxAssessment {
  findings: ExpertFinding[];
  metrics: Record<string, number | null>;
  notes: string[];
}

/**
 * Applies the FX policy to a case that has an `fx` section: computes the
 * per-currency positions, the stress loss and the VaR, and runs FX-HEDGE,
 * FX-STRESS and FX-VOL. A rule whose inputs are missing (a spot, a vol, the
 * borrower's EBITDA) reports a DATA-GAP naming them instead of guessing; the
 * metrics it could not compute are null.
 *
 * @example
 * const { findings, metrics } = assessFx(c, policy, ctx.dataGap);
 * metrics["hedgeRatio.USD"] // 0.4
 */
export function assessFx(c: Case, policy: FxPolicy, dataGap: DataGapFactory): FxAssessment {
  const positions = pricedPositions(c);
  const findings: ExpertFinding[] = [];
  const metrics: Record<string, number | null> = {};
  for (const p of positions) {
    metrics[`grossExposure.${p.currency}`] = p.gross;
    metrics[`hedged.${p.currency}`] = p.hedged;
    metrics[`hedgeRatio.${p.currency}`] = p.hedgeRatio;
    metrics[`netOpen.${p.currency}`] = p.netOpen;
    metrics[`tenorYears.${p.currency}`] = p.tenorYears;
  }

  const hedge = fxHedgeFinding(policy.rules["FX-HEDGE"], positions);
  if (hedge) findings.push(hedge);

  const stress = assessStress(c, policy, positions, dataGap);
  Object.assign(metrics, stress.metrics);
  findings.push(...stress.findings);

  findings.push(...assessVol(policy, positions, dataGap));

  const open = positions.filter((p) => p.netOpen > 0);
  const quoted = open.filter((p): p is PricedPosition & { spot: number; vol: number } => p.spot !== undefined && p.vol !== undefined);
  metrics.var10d99 = quoted.length === open.length ? valueAtRisk(quoted, policy.valueAtRisk) : null;

  return { findings, metrics, notes: notesFor(c, positions) };
}

function assessStress(
  c: Case,
  policy: FxPolicy,
  positions: readonly PricedPosition[],
  dataGap: DataGapFactory,
): { findings: ExpertFinding[]; metrics: Record<string, number | null> } {
  const rule = policy.rules["FX-STRESS"];
  const financials = c.borrower?.financials;
  const spotF = financials ? spotOf(c, financials.currency) : undefined;
  const ebitdaBase = financials && spotF !== undefined ? ebitdaInBase(financials.ebitda, spotF) : null;
  const open = positions.filter((p) => p.netOpen > 0);
  const spotted = open.filter((p): p is PricedPosition & { spot: number } => p.spot !== undefined);
  const missingSpots = open.filter((p) => p.spot === undefined).map((p) => p.currency);
  const lossBase = missingSpots.length === 0 ? stressLoss(spotted, rule.shock) : null;
  const metrics = {
    stressLoss: lossBase,
    ebitdaBase,
    stressLossToEbitda: lossBase !== null && ebitdaBase !== null ? stressLossToEbitda(lossBase, ebitdaBase) : null,
  };
  // Fully hedged: no loss to compare, so neither EBITDA nor a spot is needed.
  if (open.length === 0) return { findings: [], metrics };

  const missing = new Set(missingSpots.map((cur) => `marketData.${cur}.spot`));
  if (!financials) missing.add("borrower.financials.ebitda");
  else if (spotF === undefined) missing.add(`marketData.${financials.currency}.spot`);
  if (missing.size > 0) {
    const fields = [...missing];
    return {
      findings: [dataGap(fields, `FX-STRESS could not be evaluated: the case lacks ${fields.join(", ")}.`)],
      metrics,
    };
  }
  const finding = fxStressFinding(rule, { lossBase: lossBase!, ebitdaBase: ebitdaBase!, baseCurrency: c.bank.baseCurrency });
  return { findings: finding ? [finding] : [], metrics };
}

function assessVol(policy: FxPolicy, positions: readonly PricedPosition[], dataGap: DataGapFactory): ExpertFinding[] {
  // A fully hedged currency cannot breach FX-VOL, so only the others need a vol.
  const candidates = positions.filter((p) => p.hedgeRatio < 1);
  const known = candidates.filter((p): p is PricedPosition & { vol: number } => p.vol !== undefined);
  const findings: ExpertFinding[] = [];
  const finding = fxVolFinding(policy.rules["FX-VOL"], known);
  if (finding) findings.push(finding);
  const missing = candidates.filter((p) => p.vol === undefined).map((p) => `marketData.${p.currency}.vol`);
  if (missing.length > 0) {
    findings.push(dataGap(missing, `FX-VOL could not be evaluated: the case lacks ${missing.join(", ")}.`));
  }
  return findings;
}

function notesFor(c: Case, positions: readonly PricedPosition[]): string[] {
  const notes: string[] = [];
  if (positions.length === 0) notes.push("fx.exposures is empty: no currency exposure was declared.");
  const exposed = new Set(positions.map((p) => p.currency));
  const undeclared = foreignCurrencies(c).filter((cur) => !exposed.has(cur));
  if (undeclared.length > 0) {
    notes.push(`No fx.exposures line in ${undeclared.join(", ")}, although the facility or the revenue is in it.`);
  }
  return notes;
}
