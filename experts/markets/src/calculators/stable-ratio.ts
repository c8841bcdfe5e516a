/**
 * Rounds a computed ratio to 12 significant digits before it is compared
 * with a policy threshold. Binary floating point turns an exact 25% share
 * into 0.25000000000000006 for some inputs; a risk officer reads that as
 * "exactly 25%", which does not breach "> 25%", so the comparison must too.
 * Twelve digits keep far more precision than any money ratio needs.
 *
 * @example
 * stableRatio(0.1 + 0.2) // 0.3
 */
export function stableRatio(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(12));
}
