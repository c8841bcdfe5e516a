import { dscr } from "./dscr.js";
import { fxStressedEbitda } from "./fx-stressed-ebitda.js";
import { unhedgedForeignShare } from "./unhedged-foreign-share.js";

/** Inputs of {@link fxStress}; amounts in the financials currency F. */
export interface FxStressInput {
  ebitda: number;
  annualDebtService: number;
  newDebtService: number;
  financialsCurrency: string;
  /** borrower.financials.foreignRevenueShare */
  foreignRevenueShare: Readonly<Record<string, number>>;
  /** The fx expert's hedgeRatio per currency; absent ⇒ 0 (no hedge known). */
  hedgeRatios: Readonly<Record<string, number | null | undefined>>;
  revenueShock: number;
}

/** The FX stress figures: unhedged foreign share, stressed EBITDA, stressed DSCR (Infinity without debt service). */
export interface FxStressFigures {
  unhedgedShare: number;
  stressedEbitda: number;
  stressedDscr: number;
}

/**
 * The FX-stressed coverage: the unhedged foreign revenue loses `revenueShock`
 * of its value, EBITDA falls in proportion, and DSCR is recomputed over the
 * same debt service as the unstressed ratio so the two compare like for like.
 *
 * @example
 * fxStress({ ebitda: 100, annualDebtService: 60, newDebtService: 20, financialsCurrency: "JPY",
 *   foreignRevenueShare: { USD: 0.5 }, hedgeRatios: {}, revenueShock: 0.2 })
 * // { unhedgedShare: 0.5, stressedEbitda: 90, stressedDscr: 1.125 }
 */
export function fxStress(input: FxStressInput): FxStressFigures {
  const unhedgedShare = unhedgedForeignShare(input.foreignRevenueShare, input.hedgeRatios, input.financialsCurrency);
  const stressedEbitda = fxStressedEbitda({ ebitda: input.ebitda, revenueShock: input.revenueShock, unhedgedShare });
  const stressedDscr = dscr({
    ebitda: stressedEbitda,
    annualDebtService: input.annualDebtService,
    newDebtService: input.newDebtService,
  });
  return { unhedgedShare, stressedEbitda, stressedDscr };
}
