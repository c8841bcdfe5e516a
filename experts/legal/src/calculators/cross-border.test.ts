import { describe, expect, it } from "vitest";
import { crossBorder } from "./cross-border.js";

const home = { homeCountry: "JP", baseCurrency: "JPY" };

describe("crossBorder", () => {
  it("is domestic with home parties and a base-currency facility", () => {
    const r = crossBorder({ ...home, parties: [{ countries: ["JP"] }], facilityCurrency: "JPY" });
    expect(r).toEqual({ crossBorder: false, foreignParties: [], foreignCurrency: false });
  });
  it("is cross-border with a foreign party", () => {
    const us = { countries: ["US"] };
    const r = crossBorder({ ...home, parties: [{ countries: ["JP"] }, us] });
    expect(r.crossBorder).toBe(true);
    expect(r.foreignParties).toEqual([us]);
    expect(r.foreignCurrency).toBe(false);
  });
  it("is cross-border when any country of a party given two is foreign", () => {
    const twice = { countries: ["JP", "US"] };
    expect(crossBorder({ ...home, parties: [twice] }).foreignParties).toEqual([twice]);
  });
  it("is cross-border with a foreign-currency facility and only home parties", () => {
    const r = crossBorder({ ...home, parties: [{ countries: ["JP"] }], facilityCurrency: "USD" });
    expect(r.crossBorder).toBe(true);
    expect(r.foreignCurrency).toBe(true);
    expect(r.foreignParties).toEqual([]);
  });
  it("is domestic with no facility and no parties", () => {
    expect(crossBorder({ ...home, parties: [] }).crossBorder).toBe(false);
  });
  it("compares country and currency codes case-insensitively", () => {
    expect(crossBorder({ ...home, parties: [{ countries: ["jp"] }], facilityCurrency: "jpy" }).crossBorder).toBe(false);
  });
  it("follows the bank's home country and base currency", () => {
    const bank = { homeCountry: "US", baseCurrency: "USD" };
    expect(crossBorder({ ...bank, parties: [{ countries: ["US"] }], facilityCurrency: "USD" }).crossBorder).toBe(false);
    expect(crossBorder({ ...bank, parties: [{ countries: ["JP"] }], facilityCurrency: "USD" }).crossBorder).toBe(true);
    expect(crossBorder({ ...bank, parties: [], facilityCurrency: "JPY" }).crossBorder).toBe(true);
  });
});
