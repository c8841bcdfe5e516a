import { describe, expect, it } from "vitest";
import { crossBorder } from "./cross-border.js";

const home = { homeCountry: "JP", baseCurrency: "JPY" };

describe("crossBorder", () => {
  it("is domestic with home counterparties and a base-currency facility", () => {
    const r = crossBorder({ ...home, parties: [{ country: "JP" }], facilityCurrency: "JPY" });
    expect(r).toEqual({ crossBorder: false, foreignParties: [], foreignCurrency: false });
  });
  it("is cross-border with a foreign counterparty", () => {
    const us = { country: "US" };
    const r = crossBorder({ ...home, parties: [{ country: "JP" }, us] });
    expect(r.crossBorder).toBe(true);
    expect(r.foreignParties).toEqual([us]);
    expect(r.foreignCurrency).toBe(false);
  });
  it("is cross-border with a foreign-currency facility and only home counterparties", () => {
    const r = crossBorder({ ...home, parties: [{ country: "JP" }], facilityCurrency: "USD" });
    expect(r.crossBorder).toBe(true);
    expect(r.foreignCurrency).toBe(true);
    expect(r.foreignParties).toEqual([]);
  });
  it("is domestic with no facility and no counterparties", () => {
    expect(crossBorder({ ...home, parties: [] }).crossBorder).toBe(false);
  });
  it("follows the bank's home country and base currency", () => {
    const bank = { homeCountry: "US", baseCurrency: "USD" };
    expect(crossBorder({ ...bank, parties: [{ country: "US" }], facilityCurrency: "USD" }).crossBorder).toBe(false);
    expect(crossBorder({ ...bank, parties: [{ country: "JP" }], facilityCurrency: "USD" }).crossBorder).toBe(true);
    expect(crossBorder({ ...bank, parties: [], facilityCurrency: "JPY" }).crossBorder).toBe(true);
  });
});
