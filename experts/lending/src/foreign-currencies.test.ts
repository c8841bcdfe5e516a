import { parseCase, type CaseInput } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { foreignCurrenciesOf } from "./foreign-currencies.js";

const financials = { currency: "USD", revenue: 1000, ebitda: 200, totalDebt: 400, interestExpense: 20, annualDebtService: 80 };
const facility = { type: "term_loan" as const, amount: 100, currency: "USD", tenorYears: 5, rate: 0.05, amortization: "linear" as const };
const of = (input: CaseInput) => foreignCurrenciesOf(parseCase(input));
const borrower = (extra: object = {}) => ({ name: "A", country: "US", financials: { ...financials, ...extra } });

describe("foreignCurrenciesOf", () => {
  it("is empty for a USD loan to a USD earner", () => {
    expect(of({ borrower: borrower(), facility })).toEqual([]);
  });

  it.each([
    ["the facility", { borrower: borrower(), facility: { ...facility, currency: "JPY" } }, ["JPY"]],
    ["foreignRevenueShare", { borrower: borrower({ foreignRevenueShare: { EUR: 0.2 } }) }, ["EUR"]],
    ["foreignCostShare", { borrower: borrower({ foreignCostShare: { CNY: 0.3 } }) }, ["CNY"]],
    ["debtByCurrency", { borrower: borrower({ debtByCurrency: { GBP: 10 } }) }, ["GBP"]],
    ["fx.hedges", { borrower: borrower(), fx: { hedges: [{ currency: "CHF", notional: 5, direction: "sell", instrument: "forward" }] } }, ["CHF"]],
  ] as [string, CaseInput, string[]][])("names a currency other than F in %s", (_where, input, expected) => {
    expect(of(input)).toEqual(expected);
  });

  it("counts a named currency whatever its share, once, sorted", () => {
    expect(
      of({
        borrower: borrower({ foreignRevenueShare: { JPY: 0, EUR: 0.1 }, debtByCurrency: { JPY: 0 } }),
        facility: { ...facility, currency: "JPY" },
        fx: { hedges: [{ currency: "USD", notional: 5, direction: "sell", instrument: "forward" }] },
      }),
    ).toEqual(["EUR", "JPY"]);
  });

  it("is empty without borrower financials (no reporting currency) or a case", () => {
    expect(of({ facility: { ...facility, currency: "JPY" } })).toEqual([]);
    expect(foreignCurrenciesOf(undefined)).toEqual([]);
  });
});
