import { stableRatio } from "@kyocho/core";

/**
 * The share of a currency's gross exposure covered by hedges, capped at 1
 * (an over-hedge is not more than fully hedged). A currency with no gross
 * exposure has nothing left unhedged, so its ratio is 1: it can never be
 * reported as under-hedged.
 *
 * @example
 * hedgeRatio(100, 30) // 0.3
 * hedgeRatio(100, 150) // 1
 * hedgeRatio(0, 0) // 1
 */
export function hedgeRatio(gross: number, hedged: number): number {
  if (gross <= 0) return 1;
  return Math.min(1, stableRatio(hedged / gross));
}
