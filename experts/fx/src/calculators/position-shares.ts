import { stableRatio } from "@kyocho/core/calculation";

/**
 * True when a net currency position is material: not zero, and at least
 * `share` of revenue (any non-zero position is material when revenue is
 * zero: there is nothing to measure it against).
 *
 * @example
 * isMaterial(50, 1000, 0.05) // true (exactly 5%)
 * isMaterial(-49.9, 1000, 0.05) // false
 */
export function isMaterial(net: number, revenue: number, share: number): boolean {
  if (net === 0) return false;
  if (revenue <= 0) return true;
  return stableRatio(Math.abs(net) / revenue) >= share;
}

/**
 * |open| / |net|: how much of a net position is left open (or, for an
 * over-hedge, how large the position the other way is). Null when the net
 * position is zero, so that the rules can treat "a hedge with nothing to
 * protect" on its own.
 *
 * @example
 * openShareOfNet(100, 40) // 0.4
 * openShareOfNet(100, -30) // 0.3
 * openShareOfNet(0, 10) // null
 */
export function openShareOfNet(net: number, open: number): number | null {
  if (net === 0) return null;
  return stableRatio(Math.abs(open) / Math.abs(net));
}

/**
 * True when the open position points the other way from the net position
 * it was meant to reduce, or exists where there is no net position at all:
 * the hedge has become a position of its own.
 *
 * @example
 * isReversed(100, -30) // true
 * isReversed(100, 30) // false
 * isReversed(0, 10) // true
 */
export function isReversed(net: number, open: number): boolean {
  if (open === 0) return false;
  return net === 0 || Math.sign(open) === -Math.sign(net);
}
