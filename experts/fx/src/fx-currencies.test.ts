import { parseCase, type CaseInput } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { fxCurrencies, isFxRequired } from "./fx-currencies.js";

const financials = (currency: string, over: Record<string, unknown> = {}) => ({
  currency,
  revenue: 100,
  ebitda: 10,
  totalDebt: 0,
  interestExpense: 0,
  annualDebtService: 0,
  ...over,
});
const borrower = (currency: string, over: Record<string, unknown> = {}) => ({ name: "A", country: "US", financials: financials(currency, over) });
const facility = (currency: string) => ({ type: "term_loan" as const, amount: 100, currency, tenorYears: 5, rate: 0.05, amortization: "bullet" as const });
const hedge = (currency: string) => ({ currency, notional: 10, direction: "sell" as const, instrument: "forward" as const });
const of = (input: CaseInput) => fxCurrencies(parseCase(input));

describe("fxCurrencies (currencies other than F, in the five places)", () => {
  it("is empty for a USD loan to a USD earner with nothing else foreign, whatever the bank's base", () => {
    expect(of({ borrower: borrower("USD"), facility: facility("USD") })).toEqual([]);
    expect(isFxRequired(parseCase({ borrower: borrower("USD"), facility: facility("USD") }))).toBe(false);
  });

  it("names a JPY loan to a USD earner", () => {
    expect(of({ borrower: borrower("USD"), facility: facility("JPY") })).toEqual(["JPY"]);
    expect(isFxRequired(parseCase({ borrower: borrower("USD"), facility: facility("JPY") }))).toBe(true);
  });

  it("collects revenue, cost, debt, facility and hedge currencies in that order, once each", () => {
    const c = {
      borrower: borrower("JPY", { foreignRevenueShare: { USD: 0.3 }, foreignCostShare: { EUR: 0.2, USD: 0.1 }, debtByCurrency: { GBP: 5 } }),
      facility: facility("CHF"),
      fx: { hedges: [hedge("USD"), hedge("THB")] },
    };
    expect(of(c)).toEqual(["USD", "EUR", "GBP", "CHF", "THB"]);
  });

  it("counts a named currency whatever its share, and leaves out F itself (a hedge written in F)", () => {
    expect(of({ borrower: borrower("JPY", { foreignRevenueShare: { USD: 0 } }) })).toEqual(["USD"]);
    expect(of({ borrower: borrower("JPY"), fx: { hedges: [hedge("JPY")] } })).toEqual([]);
  });

  it("does not call for fx because of an empty fx section", () => {
    expect(isFxRequired(parseCase({ borrower: borrower("JPY"), fx: { hedges: [] } }))).toBe(false);
  });

  it("without financials (no F) counts the hedges only, not the facility", () => {
    expect(of({ facility: facility("USD") })).toEqual([]);
    expect(of({ facility: facility("USD"), fx: { hedges: [hedge("USD")] } })).toEqual(["USD"]);
    expect(isFxRequired(parseCase({ fx: { hedges: [hedge("EUR")] } }))).toBe(true);
    expect(isFxRequired(parseCase({ counterparties: [{ name: "X", country: "US", role: "other" }] }))).toBe(false);
  });
});
