import { hedgeRatio } from "./hedge-ratio.js";
import { netOpen } from "./net-open.js";

/** One exposure line of the case (`fx.exposures[]`). */
export interface FxExposureLine {
  currency: string;
  amount: number;
  tenorYears: number;
}

/** One hedge line of the case (`fx.hedges[]`). */
export interface FxHedgeLine {
  currency: string;
  notional: number;
}

/** A currency's exposure after netting its hedges; amounts are in that currency. */
export interface CurrencyPosition {
  currency: string;
  gross: number;
  hedged: number;
  hedgeRatio: number;
  netOpen: number;
  /** The longest tenor among the currency's exposure lines. */
  tenorYears: number;
}

/**
 * Sums exposures and hedges per currency, in the order the currencies first
 * appear among the exposures (so reports read like the case file). Hedges in
 * a currency without exposure are ignored: the case schema already refuses
 * them, and a stray hedge must not invent an exposure.
 *
 * @example
 * currencyPositions(
 *   [{ currency: "USD", amount: 80, tenorYears: 2 }, { currency: "USD", amount: 20, tenorYears: 5 }],
 *   [{ currency: "USD", notional: 40 }],
 * ) // [{ currency: "USD", gross: 100, hedged: 40, hedgeRatio: 0.4, netOpen: 60, tenorYears: 5 }]
 */
export function currencyPositions(
  exposures: readonly FxExposureLine[],
  hedges: readonly FxHedgeLine[] = [],
): CurrencyPosition[] {
  const totals = new Map<string, { gross: number; hedged: number; tenorYears: number }>();
  for (const line of exposures) {
    const total = totals.get(line.currency) ?? { gross: 0, hedged: 0, tenorYears: 0 };
    total.gross += line.amount;
    total.tenorYears = Math.max(total.tenorYears, line.tenorYears);
    totals.set(line.currency, total);
  }
  for (const hedge of hedges) {
    const total = totals.get(hedge.currency);
    if (total) total.hedged += hedge.notional;
  }
  return [...totals].map(([currency, t]) => ({
    currency,
    gross: t.gross,
    hedged: t.hedged,
    hedgeRatio: hedgeRatio(t.gross, t.hedged),
    netOpen: netOpen(t.gross, t.hedged),
    tenorYears: t.tenorYears,
  }));
}
