import { describe, expect, it } from "vitest";
import { foreignCurrencies } from "./foreign-currencies.js";
import { parseCase } from "./load-case.js";

const financials = { currency: "USD", revenue: 100, ebitda: 20, totalDebt: 50, interestExpense: 2, annualDebtService: 10 };
const facility = (currency: string) => ({ type: "term_loan", amount: 10, currency, tenorYears: 5, rate: 0.02, amortization: "linear" });

describe("foreignCurrencies", () => {
  it("is empty for a loan in the borrower's own currency and nothing foreign", () => {
    expect(foreignCurrencies(parseCase({ borrower: { name: "A", country: "US", financials }, facility: facility("USD") }))).toEqual([]);
  });
  it("names every currency other than F, once, in the order the FX measure reads them", () => {
    const c = parseCase({
      borrower: {
        name: "A",
        country: "US",
        financials: { ...financials, foreignRevenueShare: { EUR: 0.1 }, foreignCostShare: { JPY: 0, EUR: 0.2 }, debtByCurrency: { GBP: 5 } },
      },
      facility: facility("JPY"),
      fx: {
        hedges: [
          { currency: "CHF", notional: 1, direction: "buy", instrument: "forward" },
          { currency: "USD", notional: 1, direction: "sell", instrument: "forward" },
        ],
      },
    });
    expect(foreignCurrencies(c)).toEqual(["EUR", "JPY", "GBP", "CHF"]);
  });
  it("is empty without borrower financials: there is no reporting currency to differ from", () => {
    expect(foreignCurrencies(parseCase({ facility: facility("JPY") }))).toEqual([]);
    expect(foreignCurrencies(undefined)).toEqual([]);
  });
});
