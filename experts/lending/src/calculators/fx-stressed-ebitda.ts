/** Inputs of {@link fxStressedEbitda}. */
export interface FxStressedEbitdaInput {
  ebitda: number;
  /** Share of the unhedged foreign revenue lost in the stress (0.2 = a 20% adverse move). */
  revenueShock: number;
  /** Σ share_c · (1 − hedgeRatio_c) over foreign currencies, see `unhedgedForeignShare`. */
  unhedgedShare: number;
}

/**
 * EBITDA after an adverse FX move: ebitda · (1 − shock · unhedgedShare). A
 * stress can only hurt, so a zero or negative EBITDA is left as it is rather
 * than scaled towards zero (which would make a loss look smaller).
 *
 * @example
 * fxStressedEbitda({ ebitda: 100, revenueShock: 0.2, unhedgedShare: 0.5 }) // 90
 * fxStressedEbitda({ ebitda: -10, revenueShock: 0.2, unhedgedShare: 0.5 }) // -10
 */
export function fxStressedEbitda({ ebitda, revenueShock, unhedgedShare }: FxStressedEbitdaInput): number {
  return Math.min(ebitda, ebitda * (1 - revenueShock * unhedgedShare));
}
