import { foreignCurrencies } from "@kyocho/core/case";
import type { Case } from "@kyocho/core";

/**
 * The currencies other than the borrower's reporting currency F that the case
 * puts in front of the borrower, in the order of the five places that can name
 * one: `foreignRevenueShare`, `foreignCostShare`, `debtByCurrency`, the
 * facility, `fx.hedges` — core's `foreignCurrencies`, the same rule by which
 * lending decides to run after fx (LEN-FXDSCR).
 *
 * Without borrower financials there is no F: a currency cannot be told apart
 * from the borrower's own, so only the hedges count (a hedge is FX data the
 * bank must look at whatever the borrower reports in); the facility alone
 * does not make a mismatch.
 *
 * @example
 * fxCurrencies(c) // ["EUR", "JPY"] for a USD earner with EUR costs and a JPY loan
 * fxCurrencies(usdLoanToUsdEarner) // []
 */
export function fxCurrencies(c: Case): string[] {
  if (c.borrower?.financials) return foreignCurrencies(c);
  return [...new Set((c.fx?.hedges ?? []).map((hedge) => hedge.currency))];
}

/**
 * True when the fx expert is required: some currency other than F appears in
 * the case (see {@link fxCurrencies}). A USD loan to a USD earner with nothing
 * else foreign needs no fx expert; a JPY loan to a USD earner does.
 *
 * @example
 * isFxRequired(jpyLoanToUsdEarner) // true
 */
export function isFxRequired(c: Case): boolean {
  return fxCurrencies(c).length > 0;
}
