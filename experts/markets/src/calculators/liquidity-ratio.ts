import type { Position } from "@kyocho/core";
import { stableRatio } from "@kyocho/core";

/**
 * A position's size in days of the market's average daily traded value:
 * marketValue / adv. At 0.2 the bank is a fifth of a day's trading; above
 * 1.0 it holds more than the whole market trades in a day. Null when there
 * is no usable adv (absent, zero or negative; the case schema refuses the
 * last two), because an unknown liquidity is not a zero one.
 *
 * @example
 * liquidityRatio(30, 100) // 0.3
 * liquidityRatio(30, undefined) // null
 */
export function liquidityRatio(marketValue: number, adv: number | undefined): number | null {
  if (adv === undefined || !(adv > 0)) return null;
  return stableRatio(marketValue / adv);
}

/** One position's liquidity ratio and where it sits in the case. */
export interface PositionLiquidity {
  /** Index into `markets.positions`. */
  index: number;
  id: string;
  ratio: number;
}

/**
 * The liquidity ratio of every position that has an adv, in case order;
 * positions without one are left out (MKT-LIQ skips them).
 *
 * @example
 * positionLiquidity([{ id: "p", issuer: "X", kind: "equity", marketValue: 50, adv: 100 }])
 * // [{ index: 0, id: "p", ratio: 0.5 }]
 */
export function positionLiquidity(positions: readonly Position[]): PositionLiquidity[] {
  const out: PositionLiquidity[] = [];
  positions.forEach((position, index) => {
    const ratio = liquidityRatio(position.marketValue, position.adv);
    if (ratio !== null) out.push({ index, id: position.id, ratio });
  });
  return out;
}
