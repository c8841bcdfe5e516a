import { spotOf, type Case } from "@kyocho/core";
import { currencyPositions, type CurrencyPosition } from "./calculators/currency-positions.js";

/** A currency position with its market data; `spot`/`vol` are undefined when the case lacks them. */
export interface PricedPosition extends CurrencyPosition {
  spot: number | undefined;
  vol: number | undefined;
}

/**
 * The case's FX positions per currency, with spot and volatility from
 * `marketData`. The base currency's spot is 1 by definition (core's
 * `spotOf`); by the same reasoning its volatility against itself is 0 unless
 * the case states one, so a base-currency exposure never raises a data gap.
 *
 * @example
 * pricedPositions(c) // [{ currency: "USD", gross: 100, ..., spot: 150, vol: 0.1 }]
 */
export function pricedPositions(c: Case): PricedPosition[] {
  const fx = c.fx;
  if (!fx) return [];
  return currencyPositions(fx.exposures, fx.hedges ?? []).map((position) => ({
    ...position,
    spot: spotOf(c, position.currency),
    vol: c.marketData?.[position.currency]?.vol ?? (position.currency === c.bank.baseCurrency ? 0 : undefined),
  }));
}

/**
 * The currencies other than its own that the case puts in front of the
 * borrower: the facility currency when it differs from the bank's base, and
 * every currency of `foreignRevenueShare` other than the financials currency.
 *
 * @example
 * foreignCurrencies(c) // ["USD", "EUR"]
 */
export function foreignCurrencies(c: Case): string[] {
  const found = new Set<string>();
  if (c.facility && c.facility.currency !== c.bank.baseCurrency) found.add(c.facility.currency);
  const financials = c.borrower?.financials;
  for (const currency of Object.keys(financials?.foreignRevenueShare ?? {})) {
    if (currency !== financials?.currency) found.add(currency);
  }
  return [...found];
}
