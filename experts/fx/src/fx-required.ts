import type { Case } from "@kyocho/core";
import { foreignCurrencies } from "./fx-inputs.js";

/**
 * True when the case data calls for the FX expert: an `fx` section, a
 * facility in a currency other than the bank's base, or foreign revenue in a
 * currency other than the borrower's financials currency. A revenue currency
 * is counted when it is named, whatever its share, so the plan that runs
 * lending after fx (LEN-FXDSCR) always finds fx in it.
 *
 * @example
 * isFxRequired(parseCase({ facility: { currency: "USD", ... } })) // true with a JPY base
 */
export function isFxRequired(c: Case): boolean {
  return c.fx !== undefined || foreignCurrencies(c).length > 0;
}
