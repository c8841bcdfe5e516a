import { describe, expect, it } from "vitest";
import { newDebtService } from "./new-debt-service.js";

describe("newDebtService", () => {
  it("is interest only for a bullet", () => {
    expect(newDebtService({ amount: 1000, rate: 0.05, tenorYears: 5, amortization: "bullet" })).toBeCloseTo(50, 10);
  });

  it("adds a yearly principal instalment for a linear facility", () => {
    expect(newDebtService({ amount: 1000, rate: 0.05, tenorYears: 5, amortization: "linear" })).toBeCloseTo(250, 10);
  });

  it("is principal only at a zero rate, and zero for a zero amount", () => {
    expect(newDebtService({ amount: 1000, rate: 0, tenorYears: 4, amortization: "linear" })).toBe(250);
    expect(newDebtService({ amount: 0, rate: 0.08, tenorYears: 4, amortization: "linear" })).toBe(0);
  });

  it("handles fractional tenors", () => {
    expect(newDebtService({ amount: 100, rate: 0, tenorYears: 0.5, amortization: "linear" })).toBe(200);
  });
});
