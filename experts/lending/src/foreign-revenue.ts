import type { Case } from "@kyocho/core";

/**
 * The currencies other than the financials currency F in which the borrower
 * earns revenue, sorted. Non-empty means LEN-FXDSCR applies and lending must
 * wait for the fx expert's hedge ratios.
 *
 * @example
 * foreignRevenueCurrencies(c) // ["EUR", "USD"] for F = JPY and shares { JPY: 0.5, USD: 0.3, EUR: 0.2 }
 */
export function foreignRevenueCurrencies(c: Case | undefined): string[] {
  const financials = c?.borrower?.financials;
  if (!financials?.foreignRevenueShare) return [];
  return Object.keys(financials.foreignRevenueShare)
    .filter((currency) => currency !== financials.currency)
    .sort();
}
