import type { Case } from "./case-schema.js";

/**
 * The currencies other than the borrower's reporting currency F that the case
 * puts in front of the borrower, in the order the FX measure reads them:
 * those of `foreignRevenueShare`, `foreignCostShare`, `debtByCurrency`, the
 * facility and `fx.hedges`. A currency counts once it is named, whatever its
 * share. Empty without borrower financials (there is no F to differ from).
 * The fx expert is required, and lending waits for it, exactly when this is
 * not empty — one rule, so the two can never disagree.
 *
 * @example
 * foreignCurrencies(usdLoanToUsdEarner) // []
 * foreignCurrencies(jpyLoanToUsdEarner) // ["JPY"]
 */
export function foreignCurrencies(c: Pick<Case, "borrower" | "facility" | "fx"> | undefined): string[] {
  const financials = c?.borrower?.financials;
  if (!c || !financials) return [];
  const named = [
    ...Object.keys(financials.foreignRevenueShare ?? {}),
    ...Object.keys(financials.foreignCostShare ?? {}),
    ...Object.keys(financials.debtByCurrency ?? {}),
    ...(c.facility ? [c.facility.currency] : []),
    ...(c.fx?.hedges ?? []).map((hedge) => hedge.currency),
  ];
  return [...new Set(named)].filter((currency) => currency !== financials.currency);
}
