import type { Party } from "../parties.js";

/** Whether a deal crosses a border, and what makes it do so. */
export interface CrossBorderResult<P> {
  crossBorder: boolean;
  /** Parties with a country outside the bank's home country. */
  foreignParties: P[];
  /** True when the facility is not in the bank's base currency. */
  foreignCurrency: boolean;
}

/**
 * A deal is cross-border when any party has a country outside the bank's
 * home country or the facility is drawn in a currency other than the base
 * currency: either brings foreign sanctions regimes into play.
 *
 * @example
 * crossBorder({ parties: [{ countries: ["US"] }], homeCountry: "JP", baseCurrency: "JPY" }).crossBorder // true
 */
export function crossBorder<P extends Pick<Party, "countries">>(input: {
  parties: readonly P[];
  homeCountry: string;
  baseCurrency: string;
  facilityCurrency?: string | undefined;
}): CrossBorderResult<P> {
  const home = input.homeCountry.toUpperCase();
  const foreignParties = input.parties.filter((p) => p.countries.some((country) => country.toUpperCase() !== home));
  const foreignCurrency = input.facilityCurrency !== undefined && input.facilityCurrency.toUpperCase() !== input.baseCurrency.toUpperCase();
  return { crossBorder: foreignParties.length > 0 || foreignCurrency, foreignParties, foreignCurrency };
}
