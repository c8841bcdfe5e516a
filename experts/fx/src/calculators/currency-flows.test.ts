import { describe, expect, it } from "vitest";
import { currencyFlows } from "./currency-flows.js";

describe("currencyFlows (one year, in F)", () => {
  it("takes the revenue share in and the cost share plus debt service out", () => {
    // inflow 1000 · 0.4 = 400; outflow (1000 − 200) · 0.25 + 30 = 230; net 170 (long).
    expect(currencyFlows({ revenue: 1000, ebitda: 200, revenueShare: 0.4, costShare: 0.25, debtService: 30 })).toEqual({
      inflow: 400,
      outflow: 230,
      net: 170,
    });
  });

  it("is short when costs and debt service in the currency outweigh its revenue", () => {
    // outflow (500 − 100) · 0.1 + 21.5 = 61.5; no revenue in it: net −61.5.
    expect(currencyFlows({ revenue: 500, ebitda: 100, revenueShare: 0, costShare: 0.1, debtService: 21.5 })).toEqual({
      inflow: 0,
      outflow: 61.5,
      net: -61.5,
    });
  });

  it("lets revenue in a currency offset debt service in it (a natural hedge)", () => {
    // inflow 1000 · 0.1 = 100; outflow 0 + 100 = 100: net 0.
    expect(currencyFlows({ revenue: 1000, ebitda: 300, revenueShare: 0.1, costShare: 0, debtService: 100 }).net).toBe(0);
  });

  it("counts operating costs as revenue − EBITDA, so a loss-making borrower pays more than its revenue", () => {
    // costs 100 − (−20) = 120; half in the currency: 60.
    expect(currencyFlows({ revenue: 100, ebitda: -20, revenueShare: 0, costShare: 0.5, debtService: 0 }).outflow).toBe(60);
  });
});
