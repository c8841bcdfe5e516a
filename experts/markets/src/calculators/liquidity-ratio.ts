import type { Position } from "@kyocho/core/case";
import { stableRatio } from "@kyocho/core/calculation";

/**
 * A position's size in days of the market's average daily traded value:
 * |marketValue| / adv, both in the position's currency (so no spot is
 * needed). A short counts by its size: it must be bought back in the same
 * market. At 0.2 the bank is a fifth of a day's trading; above 1.0 it holds
 * more than the whole market trades in a day. Null without a usable adv
 * (absent, zero or negative; the case schema refuses the last two), because
 * an unknown liquidity is not a zero one.
 *
 * @example
 * liquidityRatio(30, 100) // 0.3
 * liquidityRatio(-30, 100) // 0.3
 * liquidityRatio(30, undefined) // null
 */
export function liquidityRatio(marketValue: number, adv: number | undefined): number | null {
  if (adv === undefined || !(adv > 0)) return null;
  return stableRatio(Math.abs(marketValue) / adv);
}

/** One position's liquidity ratio and where it sits in the case. */
export interface PositionLiquidity {
  /** Index into `markets.positions`. */
  index: number;
  id: string;
  ratio: number;
}

/** The liquidity of a book: the measured positions, and those a ratio needs an adv for. */
export interface BookLiquidity {
  /** Positions with an adv, in case order. */
  measured: PositionLiquidity[];
  /** Case indices of positions with a non-zero value and no adv: a DATA-GAP each. */
  missingAdv: number[];
}

/**
 * The liquidity ratio of every position that has an adv, in case order, and
 * the positions with a value but no adv (a position worth nothing needs no
 * exit, so it needs no adv).
 *
 * @example
 * positionLiquidity([{ id: "p", issuer: "X", kind: "equity", marketValue: 50, adv: 100 }, { id: "q", issuer: "Y", kind: "loan", marketValue: 5 }])
 * // { measured: [{ index: 0, id: "p", ratio: 0.5 }], missingAdv: [1] }
 */
export function positionLiquidity(positions: readonly Position[]): BookLiquidity {
  const measured: PositionLiquidity[] = [];
  const missingAdv: number[] = [];
  positions.forEach((position, index) => {
    const ratio = liquidityRatio(position.marketValue, position.adv);
    if (ratio !== null) measured.push({ index, id: position.id, ratio });
    else if (position.marketValue !== 0) missingAdv.push(index);
  });
  return { measured, missingAdv };
}
