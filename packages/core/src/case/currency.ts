import type { Case } from "./case-schema.js";

/**
 * The spot rate of `currency` in base-currency units per unit, or undefined
 * when the case lacks it (a data gap for the caller to report). The base
 * currency's spot is 1 by definition.
 *
 * @example
 * spotOf(c, "USD") // 150 when marketData.USD.spot is 150 and the base is JPY
 */
export function spotOf(c: Case, currency: string): number | undefined {
  if (currency === c.bank.baseCurrency) return 1;
  return c.marketData?.[currency]?.spot;
}

/** x units of `from` in the base currency, or undefined when a spot is missing. */
export function toBase(c: Case, amount: number, from: string): number | undefined {
  const spot = spotOf(c, from);
  return spot === undefined ? undefined : amount * spot;
}

/**
 * x units of `from` in currency `to`, through the base currency
 * (x · spot(from) / spot(to)); undefined when either spot is missing.
 *
 * @example
 * convert(c, 100, "USD", "EUR") // 100 · 150 / 160 with USD 150 and EUR 160 JPY
 */
export function convert(c: Case, amount: number, from: string, to: string): number | undefined {
  if (from === to) return amount;
  const fromSpot = spotOf(c, from);
  const toSpot = spotOf(c, to);
  if (fromSpot === undefined || toSpot === undefined) return undefined;
  return (amount * fromSpot) / toSpot;
}

/** The marketData paths a conversion from `from` to `to` needs and the case lacks. */
export function missingSpotPaths(c: Case, ...currencies: string[]): string[] {
  return [...new Set(currencies)].filter((cur) => spotOf(c, cur) === undefined).map((cur) => `marketData.${cur}.spot`);
}
