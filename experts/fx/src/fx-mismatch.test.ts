import { parseCase, type CaseInput } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { workedExample } from "../test-support/worked-example.js";
import { currencyMismatch, type CurrencyMismatch } from "./fx-mismatch.js";

const measure = (input: CaseInput): CurrencyMismatch => {
  const outcome = currencyMismatch(parseCase(input));
  if (!outcome?.ok) throw new Error(`expected a mismatch, got ${JSON.stringify(outcome)}`);
  return outcome.value;
};
const position = (m: CurrencyMismatch, currency: string) => m.positions.find((p) => p.currency === currency)!;

describe("currencyMismatch — the worked example", () => {
  const m = measure(workedExample);

  it("measures in the borrower's reporting currency, with CFADS from core", () => {
    expect(m.currency).toBe("USD");
    expect(m.positions.map((p) => p.currency)).toEqual(["EUR", "JPY"]);
    // CFADS = 100 − 15 − 10 = 75m
    expect(m.debt.cfads).toBe(75e6);
  });

  it("is long EUR: revenue in, the sold forward converted through the base", () => {
    // inflow 500m · 0.2 = 100m; no EUR costs or debt; hedge EUR 40m · 165 / 150 = USD 44m; open 56m; ratio 0.44.
    const eur = position(m, "EUR");
    expect(eur).toMatchObject({ inflow: 100e6, outflow: 0, net: 100e6, debtService: 0 });
    expect(eur.hedge).toBeCloseTo(44e6, 4);
    expect(eur.open).toBeCloseTo(56e6, 4);
    expect(eur.hedgeRatio).toBe(0.44);
  });

  it("is short JPY: yen costs plus the yen loan's debt service", () => {
    // JPY 15bn / 150 = USD 100m; linear 100/5 = 20m + 100m · 1.5% = 1.5m → DS 21.5m.
    // outflow (500 − 100) · 0.1 + 21.5 = 61.5m; net −61.5m; no hedge.
    const jpy = position(m, "JPY");
    expect(jpy.debtService).toBeCloseTo(21.5e6, 4);
    expect(jpy.outflow).toBeCloseTo(61.5e6, 4);
    expect(jpy.net).toBeCloseTo(-61.5e6, 4);
    expect(jpy).toMatchObject({ inflow: 0, hedge: 0, hedgeRatio: 0 });
  });
});

describe("currencyMismatch — other cases", () => {
  const jpyEarner = (over: Record<string, unknown> = {}) => ({
    name: "Sakura Trading",
    country: "JP",
    financials: { currency: "JPY", revenue: 100e9, ebitda: 20e9, totalDebt: 40e9, interestExpense: 0.4e9, annualDebtService: 4e9, ...over },
  });

  it("nets USD revenue against USD debt service (a natural hedge)", () => {
    // USD debt 100m at 150 = JPY 15bn of 40bn: DS share 15/40 · 4bn = 1.5bn. USD revenue 1.5% of 100bn = 1.5bn. Net 0.
    const m = measure({
      borrower: jpyEarner({ foreignRevenueShare: { USD: 0.015 }, debtByCurrency: { USD: 100e6 } }),
      marketData: { USD: { spot: 150, vol: 0.1 } },
    });
    expect(position(m, "USD").inflow).toBeCloseTo(1.5e9, 3);
    expect(position(m, "USD").outflow).toBeCloseTo(1.5e9, 3);
    expect(position(m, "USD").net).toBeCloseTo(0, 3);
  });

  it("scales the existing foreign debt service for refinancing (core's proFormaDebt)", () => {
    // Refinances JPY 10bn of 40bn: scale 0.75; USD DS 1.5bn · 0.75 = 1.125bn. The facility is in JPY: no USD part.
    const m = measure({
      borrower: jpyEarner({ debtByCurrency: { USD: 100e6 } }),
      facility: { type: "term_loan", amount: 10e9, currency: "JPY", tenorYears: 3, rate: 0.01, amortization: "bullet", refinances: 10e9 },
      marketData: { USD: { spot: 150, vol: 0.1 } },
    });
    expect(position(m, "USD").outflow).toBeCloseTo(1.125e9, 3);
  });

  it("needs no spot for revenue and cost shares alone: they are in F already", () => {
    // USD revenue 30% of 100bn = 30bn; USD costs 10% of 80bn = 8bn; net 22bn.
    const m = measure({ borrower: jpyEarner({ foreignRevenueShare: { USD: 0.3 }, foreignCostShare: { USD: 0.1 } }) });
    expect(position(m, "USD")).toMatchObject({ inflow: 30e9, outflow: 8e9, net: 22e9, open: 22e9 });
  });

  it("names the spots a conversion needs instead of guessing", () => {
    const hedged = parseCase({
      borrower: jpyEarner({ foreignRevenueShare: { USD: 0.3 } }),
      fx: { hedges: [{ currency: "USD", notional: 10e6, direction: "sell", instrument: "forward" }] },
    });
    expect(currencyMismatch(hedged)).toEqual({ ok: false, missing: ["marketData.USD.spot"] });

    const usdEarnerJpyLoan = parseCase({
      borrower: { name: "P", country: "US", financials: { currency: "USD", revenue: 1, ebitda: 1, totalDebt: 0, interestExpense: 0, annualDebtService: 0 } },
      facility: { type: "term_loan", amount: 15e9, currency: "JPY", tenorYears: 5, rate: 0.01, amortization: "bullet" },
      fx: { hedges: [{ currency: "EUR", notional: 1, direction: "buy", instrument: "forward" }] },
    });
    // F's own spot first: every conversion into USD needs it.
    expect(currencyMismatch(usdEarnerJpyLoan)).toEqual({ ok: false, missing: ["marketData.USD.spot", "marketData.EUR.spot"] });
    expect(currencyMismatch(parseCase({}))).toBeUndefined();
  });

  it("leaves out a hedge written in F itself and counts it", () => {
    const m = measure({
      borrower: jpyEarner({ foreignRevenueShare: { USD: 0.3 } }),
      fx: { hedges: [{ currency: "JPY", notional: 5e9, direction: "buy", instrument: "forward" }] },
    });
    expect(m.hedgesInReportingCurrency).toBe(1);
    expect(position(m, "USD").hedge).toBe(0);
  });
});
