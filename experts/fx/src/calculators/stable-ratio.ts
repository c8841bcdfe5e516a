/**
 * Rounds a computed ratio to 12 significant digits. Binary floating point
 * turns 0.2 · 50 / 100 into 0.10000000000000002 now and then; a risk officer
 * expects a ratio of exactly 10% not to breach a "> 10%" tier, so ratios are
 * stabilised before any threshold sees them.
 *
 * @example
 * stableRatio(0.1 + 0.2) // 0.3
 */
export function stableRatio(value: number): number {
  return Number(value.toPrecision(12));
}
