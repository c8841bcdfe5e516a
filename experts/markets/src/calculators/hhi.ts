import { stableRatio } from "@kyocho/core/calculation";

/**
 * Herfindahl–Hirschman index of a set of shares: Σ (100 · share)², from near
 * 0 (many small issuers) to 10 000 (a single issuer). Unlike the largest
 * share alone, it also sees a book split among a few big names.
 *
 * @example
 * herfindahl([0.5, 0.5]) // 5000
 * herfindahl([0.25, 0.25, 0.25, 0.25]) // 2500
 */
export function herfindahl(shares: readonly number[]): number {
  let sum = 0;
  for (const share of shares) sum += (100 * share) ** 2;
  return stableRatio(sum);
}
