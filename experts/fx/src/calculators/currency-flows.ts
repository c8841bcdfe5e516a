/** What one currency's one-year flows are computed from, every amount in the reporting currency F. */
export interface CurrencyFlowsInput {
  /** The borrower's revenue, in F. */
  revenue: number;
  /** The borrower's EBITDA, in F; revenue − EBITDA are the operating costs. */
  ebitda: number;
  /** Share of revenue earned in the currency (0 when not named). */
  revenueShare: number;
  /** Share of operating costs paid in the currency (0 when not named). */
  costShare: number;
  /** Debt service falling due in the currency over the year, already in F (core's `debtServiceByCurrency`). */
  debtService: number;
}

/** A currency's one-year flows, in F: net positive means the borrower is long the currency. */
export interface CurrencyFlows {
  inflow: number;
  outflow: number;
  net: number;
}

/**
 * The borrower's one-year cash flows in one foreign currency, in F:
 * inflow = revenue · revenueShare; outflow = (revenue − EBITDA) · costShare +
 * debt service in the currency; net = inflow − outflow (positive: long).
 *
 * @example
 * currencyFlows({ revenue: 1000, ebitda: 200, revenueShare: 0.4, costShare: 0.25, debtService: 30 })
 * // { inflow: 400, outflow: 230, net: 170 }
 */
export function currencyFlows(input: CurrencyFlowsInput): CurrencyFlows {
  const inflow = input.revenue * input.revenueShare;
  const outflow = (input.revenue - input.ebitda) * input.costShare + input.debtService;
  return { inflow, outflow, net: inflow - outflow };
}
