import { convert, missingSpotPaths, type Case, type Facility } from "@kyocho/core";

/** The facility in F, or the spot paths the conversion lacks. */
export type FacilityAmountInF = { ok: true; value: number } | { ok: false; missing: string[] };

/**
 * Converts the facility amount to the borrower's financials currency F
 * through the base currency (amount · spot(facility) / spot(F)), so that debt,
 * EBITDA and the new loan are compared in one currency. A missing spot is
 * returned as the `marketData.<CUR>.spot` paths to report as a data gap.
 *
 * @example
 * // base JPY, USD spot 150, EUR spot 160
 * facilityAmountInF(c, { ...facility, amount: 160, currency: "USD" }, "EUR") // { ok: true, value: 150 }
 * facilityAmountInF(c, { ...facility, currency: "GBP" }, "EUR") // { ok: false, missing: ["marketData.GBP.spot"] }
 */
export function facilityAmountInF(c: Case, facility: Facility, financialsCurrency: string): FacilityAmountInF {
  const value = convert(c, facility.amount, facility.currency, financialsCurrency);
  if (value !== undefined) return { ok: true, value };
  return { ok: false, missing: missingSpotPaths(c, facility.currency, financialsCurrency) };
}
