/**
 * The one-year cash an adverse move of `shock` (0.20 = 20%) costs the
 * borrower, in F: Σ shock · |open position|. Each currency moves in whichever
 * direction hurts its open position, all at once: a stress, not a
 * diversified estimate (that is the VaR).
 *
 * @example
 * fxLoss([170, -40], 0.2) // 42
 */
export function fxLoss(openPositions: readonly number[], shock: number): number {
  return openPositions.reduce((sum, open) => sum + shock * Math.abs(open), 0);
}
