/**
 * The borrower's EBITDA in the base currency: `ebitda` units of its
 * financials currency at `spot` base units per unit (core's `spotOf`). Kept
 * apart so the FX-STRESS denominator is tested on its own, sign included:
 * a negative EBITDA stays negative.
 *
 * @example
 * ebitdaInBase(10_000_000, 150) // 1_500_000_000 (USD 10m at 150 JPY)
 */
export function ebitdaInBase(ebitda: number, spot: number): number {
  return ebitda * spot;
}
