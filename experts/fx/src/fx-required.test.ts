import { parseCase } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { isFxRequired } from "./fx-required.js";

const financials = (currency: string, foreignRevenueShare?: Record<string, number>) => ({
  currency,
  revenue: 100,
  ebitda: 10,
  totalDebt: 0,
  interestExpense: 0,
  annualDebtService: 0,
  ...(foreignRevenueShare ? { foreignRevenueShare } : {}),
});
const facility = (currency: string) => ({
  type: "term_loan" as const,
  amount: 100,
  currency,
  tenorYears: 5,
  rate: 0.05,
  amortization: "bullet" as const,
});

describe("isFxRequired", () => {
  it("is true when the case has an fx section, even an empty one", () => {
    expect(isFxRequired(parseCase({ fx: { exposures: [] } }))).toBe(true);
  });

  it("is true for a facility in a currency other than the bank's base", () => {
    expect(isFxRequired(parseCase({ facility: facility("USD") }))).toBe(true);
    expect(isFxRequired(parseCase({ bank: { baseCurrency: "USD" }, facility: facility("JPY") }))).toBe(true);
  });

  it("is false for a facility in the base currency", () => {
    expect(isFxRequired(parseCase({ facility: facility("JPY") }))).toBe(false);
    expect(isFxRequired(parseCase({ bank: { baseCurrency: "USD" }, facility: facility("USD") }))).toBe(false);
  });

  it("is true when foreign revenue names a currency other than the financials currency", () => {
    const c = parseCase({ borrower: { name: "A", country: "JP", financials: financials("JPY", { USD: 0.4 }) } });
    expect(isFxRequired(c)).toBe(true);
  });

  it("is false when foreign revenue only names the financials currency, or is absent", () => {
    expect(isFxRequired(parseCase({ borrower: { name: "A", country: "JP", financials: financials("JPY", { JPY: 1 }) } }))).toBe(false);
    expect(isFxRequired(parseCase({ borrower: { name: "A", country: "JP", financials: financials("USD") } }))).toBe(false);
  });

  it("is false for a case with other data only", () => {
    expect(isFxRequired(parseCase({ counterparties: [{ name: "X", country: "US", role: "other" }] }))).toBe(false);
  });
});
