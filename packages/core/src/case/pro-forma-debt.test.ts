import { describe, expect, it } from "vitest";
import { parseCase } from "./load-case.js";
import { proFormaDebt } from "./pro-forma-debt.js";

const financials = { currency: "USD", revenue: 1000, ebitda: 200, totalDebt: 400, interestExpense: 20, annualDebtService: 80 };
const facility = { type: "term_loan", amount: 15_000, currency: "JPY", tenorYears: 5, rate: 0.02, amortization: "linear" };
const marketData = { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 160, vol: 0.08 } };
const value = (input: object) => {
  const outcome = proFormaDebt(parseCase(input));
  if (!outcome?.ok) throw new Error(`expected figures, got ${JSON.stringify(outcome)}`);
  return outcome.value;
};

describe("proFormaDebt", () => {
  it("adds the facility in F and its first-year debt service (hand-computed)", () => {
    // JPY 15,000 at 150 JPY/USD = USD 100; linear over 5y: 20 + 100·2% = 22.
    const v = value({ borrower: { name: "A", country: "US", financials }, facility, marketData });
    expect(v).toMatchObject({
      newDebt: 100,
      proFormaDebt: 500,
      newDebtService: 22,
      newInterest: 2,
      debtService: 102,
      interest: 22,
      cfads: 200,
      cfadsFromEbitda: true,
    });
    expect(v.debtServiceByCurrency).toEqual({ JPY: 22 });
  });

  it("takes refinanced debt out of debt and scales existing debt service and interest", () => {
    // Refinances 100 of 400: scale 0.75 → existing DS 60, interest 15; pro-forma debt 400 − 100 + 100 = 400.
    const v = value({ borrower: { name: "A", country: "US", financials }, facility: { ...facility, refinances: 100 }, marketData });
    expect(v).toMatchObject({ refinanced: 100, proFormaDebt: 400, existingDebtService: 60, existingInterest: 15, debtService: 82, refinancesAboveDebt: false });
  });

  it("caps refinancing at total debt and says so", () => {
    const v = value({ borrower: { name: "A", country: "US", financials }, facility: { ...facility, refinances: 1000 }, marketData });
    expect(v).toMatchObject({ refinancesGiven: 1000, refinanced: 400, refinancesAboveDebt: true, proFormaDebt: 100, existingDebtService: 0 });
  });

  it("splits existing debt service by currency, converted to F", () => {
    // EUR 150 = USD 160 (150·160/150); share 160/400 = 0.4 of DS 80 → 32 due in EUR.
    const v = value({ borrower: { name: "A", country: "US", financials: { ...financials, debtByCurrency: { EUR: 150 } } }, marketData });
    expect(v.debtServiceByCurrency.EUR).toBeCloseTo(32, 10);
  });

  it("computes CFADS from cash-flow items when given", () => {
    const v = value({ borrower: { name: "A", country: "US", financials: { ...financials, taxesPaid: 30, maintenanceCapex: 20, workingCapitalChange: -10 } } });
    expect(v).toMatchObject({ cfads: 160, cfadsFromEbitda: false });
  });

  it("names the spots it lacks instead of guessing", () => {
    expect(proFormaDebt(parseCase({ borrower: { name: "A", country: "US", financials }, facility }))).toEqual({ ok: false, missing: ["marketData.USD.spot"] });
    expect(proFormaDebt(parseCase({}))).toBeUndefined();
  });
});
