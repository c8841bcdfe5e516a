import { parseCase, type Facility } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { facilityAmountInF } from "./facility-amount-in-f.js";

const c = parseCase({
  marketData: { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 160, vol: 0.09 } },
});
const facility = (amount: number, currency: string): Facility => ({
  type: "term_loan",
  amount,
  currency,
  tenorYears: 5,
  rate: 0.05,
  amortization: "bullet",
  existingExposure: 0,
});

describe("facilityAmountInF", () => {
  it("keeps the amount when the facility is in F", () => {
    expect(facilityAmountInF(c, facility(120, "GBP"), "GBP")).toEqual({ ok: true, value: 120 });
  });

  it("converts a foreign facility into the base currency (F = base)", () => {
    expect(facilityAmountInF(c, facility(100, "USD"), "JPY")).toEqual({ ok: true, value: 15_000 });
  });

  it("converts the base currency into a foreign F", () => {
    expect(facilityAmountInF(c, facility(15_000, "JPY"), "USD")).toEqual({ ok: true, value: 100 });
  });

  it("crosses two foreign currencies through the base (USD → EUR)", () => {
    const out = facilityAmountInF(c, facility(160, "USD"), "EUR");
    expect(out.ok && out.value).toBeCloseTo(150, 12);
  });

  it("names the missing spot paths instead of guessing", () => {
    expect(facilityAmountInF(c, facility(100, "GBP"), "JPY")).toEqual({ ok: false, missing: ["marketData.GBP.spot"] });
    expect(facilityAmountInF(c, facility(100, "GBP"), "CHF")).toEqual({
      ok: false,
      missing: ["marketData.GBP.spot", "marketData.CHF.spot"],
    });
  });

  it("respects a non-JPY base currency", () => {
    const usdBank = parseCase({ bank: { baseCurrency: "USD" }, marketData: { EUR: { spot: 1.1, vol: 0.08 } } });
    const out = facilityAmountInF(usdBank, facility(100, "EUR"), "USD");
    expect(out.ok && out.value).toBeCloseTo(110, 12);
  });
});
