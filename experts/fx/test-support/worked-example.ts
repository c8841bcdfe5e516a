import type { CaseInput } from "@kyocho/core";

/**
 * The worked example of fx-policy.md: Pacific Components reports in USD
 * (F = USD) to a JPY bank (B = JPY). Revenue USD 500m, 20% in EUR; EBITDA
 * 100m, so operating costs 400m, 10% paid in JPY; a JPY 15bn 5-year linear
 * loan at 1.5%; EUR 40m sold forward. USD 150, EUR 165 JPY.
 */
export const workedExample: CaseInput = {
  borrower: {
    name: "Pacific Components Inc.",
    country: "US",
    financials: {
      currency: "USD",
      revenue: 500e6,
      ebitda: 100e6,
      totalDebt: 200e6,
      interestExpense: 8e6,
      annualDebtService: 30e6,
      taxesPaid: 15e6,
      maintenanceCapex: 10e6,
      foreignRevenueShare: { EUR: 0.2 },
      foreignCostShare: { JPY: 0.1 },
    },
  },
  facility: { type: "term_loan", amount: 15e9, currency: "JPY", tenorYears: 5, rate: 0.015, amortization: "linear" },
  fx: { hedges: [{ currency: "EUR", notional: 40e6, direction: "sell", instrument: "forward" }] },
  marketData: { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 165, vol: 0.08 } },
};
