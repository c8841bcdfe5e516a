import { parseCase } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { foreignCurrencies, pricedPositions } from "./fx-inputs.js";

describe("pricedPositions", () => {
  it("attaches spot and vol from marketData per currency", () => {
    const c = parseCase({
      fx: { exposures: [{ currency: "USD", amount: 100, tenorYears: 2 }], hedges: [{ currency: "USD", notional: 25, instrument: "forward" }] },
      marketData: { USD: { spot: 150, vol: 0.1 } },
    });
    expect(pricedPositions(c)).toEqual([
      { currency: "USD", gross: 100, hedged: 25, hedgeRatio: 0.25, netOpen: 75, tenorYears: 2, spot: 150, vol: 0.1 },
    ]);
  });

  it("leaves a missing spot and vol undefined", () => {
    const c = parseCase({ fx: { exposures: [{ currency: "CNY", amount: 10, tenorYears: 1 }] } });
    expect(pricedPositions(c)[0]).toMatchObject({ spot: undefined, vol: undefined });
  });

  it("gives the base currency spot 1 and vol 0 unless the case states a vol", () => {
    const c = parseCase({ fx: { exposures: [{ currency: "JPY", amount: 10, tenorYears: 1 }] } });
    expect(pricedPositions(c)[0]).toMatchObject({ spot: 1, vol: 0 });
    const withVol = parseCase({
      bank: { baseCurrency: "USD" },
      fx: { exposures: [{ currency: "USD", amount: 10, tenorYears: 1 }] },
      marketData: { USD: { spot: 1, vol: 0.05 } },
    });
    expect(pricedPositions(withVol)[0]).toMatchObject({ spot: 1, vol: 0.05 });
  });

  it("is empty without an fx section", () => {
    expect(pricedPositions(parseCase({}))).toEqual([]);
  });
});

describe("foreignCurrencies", () => {
  const financials = { currency: "JPY", revenue: 100, ebitda: 10, totalDebt: 0, interestExpense: 0, annualDebtService: 0 };

  it("names a facility currency other than the base and foreign revenue currencies other than F", () => {
    const c = parseCase({
      borrower: { name: "A", country: "JP", financials: { ...financials, foreignRevenueShare: { USD: 0.3, JPY: 0.5, EUR: 0.2 } } },
      facility: { type: "term_loan", amount: 1, currency: "GBP", tenorYears: 1, rate: 0.01, amortization: "bullet" },
    });
    expect(foreignCurrencies(c)).toEqual(["GBP", "USD", "EUR"]);
  });

  it("is empty for a base-currency facility and home revenue", () => {
    const c = parseCase({
      borrower: { name: "A", country: "JP", financials: { ...financials, foreignRevenueShare: { JPY: 1 } } },
      facility: { type: "term_loan", amount: 1, currency: "JPY", tenorYears: 1, rate: 0.01, amortization: "bullet" },
    });
    expect(foreignCurrencies(c)).toEqual([]);
  });
});
