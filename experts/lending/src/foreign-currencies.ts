import { foreignCurrencies } from "@kyocho/core/case";
import type { Case } from "@kyocho/core";

/**
 * The currencies other than the borrower's reporting currency F that the
 * case names in any of the five places where a currency mismatch can come
 * from: `foreignRevenueShare`, `foreignCostShare`, `debtByCurrency` (keys),
 * the facility's currency and `fx.hedges` — sorted, each once. A currency
 * counts when it is named, whatever its share or amount. Non-empty means the
 * fx expert is required and lending runs after it (LEN-FXDSCR reads its
 * `fxLoss`). Without borrower financials there is no F and no mismatch to
 * measure, so the list is empty. The fx expert applies the same rule for
 * `isRequired`.
 *
 * @example
 * foreignCurrenciesOf(c) // ["EUR", "JPY"] for F = USD, a JPY facility and EUR revenue
 */
export function foreignCurrenciesOf(c: Case | undefined): string[] {
  // One rule for lending and fx (core's foreignCurrencies); lending lists them sorted.
  return [...foreignCurrencies(c)].sort();
}
