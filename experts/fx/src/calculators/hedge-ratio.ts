import { stableRatio } from "@kyocho/core/calculation";

/**
 * The share of a net currency position its hedge covers: hedge / net,
 * clamped to [0, 1]. A hedge the wrong way round covers nothing (0); more
 * than the position is not more than fully hedged (1; FX-OVERHEDGE looks at
 * the excess). Null when the net position is zero: there is nothing to cover,
 * so no ratio.
 *
 * @example
 * hedgeRatio(200, 50) // 0.25
 * hedgeRatio(-200, -150) // 0.75 (a short position, bought forward)
 * hedgeRatio(200, -50) // 0 (bought a currency the borrower is long in)
 * hedgeRatio(0, 10) // null
 */
export function hedgeRatio(net: number, hedge: number): number | null {
  if (net === 0) return null;
  return Math.min(1, Math.max(0, stableRatio(hedge / net)));
}
