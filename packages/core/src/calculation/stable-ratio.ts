/**
 * Rounds a computed ratio to 14 significant digits before a threshold sees
 * it. Binary floating point turns an exact 25% share into
 * 0.25000000000000006 for some inputs; a risk officer reads that as exactly
 * 25%, which does not breach "> 25%", so the comparison must not either.
 * Fourteen digits sit above the noise of a few chained operations (about
 * 1e-15) and below a real excess such as one yen over a 2.5 trillion limit
 * (1e-13), which must still breach.
 *
 * @example
 * stableRatio(0.1 + 0.2) // 0.3
 */
export function stableRatio(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(14));
}
