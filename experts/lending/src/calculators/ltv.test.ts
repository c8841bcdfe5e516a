import { describe, expect, it } from "vitest";
import { ltv } from "./ltv.js";

describe("ltv", () => {
  it.each([
    [79, 0.79],
    [80, 0.8],
    [81, 0.81],
    [99, 0.99],
    [100, 1],
    [101, 1.01],
  ])("amount %d over collateral 100 is %d (around the 80%% and 100%% tiers)", (amount, expected) => {
    expect(ltv({ amount, collateralValue: 100 })).toBeCloseTo(expected, 12);
  });

  it("is unlimited for worthless collateral against a positive loan", () => {
    expect(ltv({ amount: 1, collateralValue: 0 })).toBe(Number.POSITIVE_INFINITY);
  });

  it("is zero for a zero loan, whatever the collateral", () => {
    expect(ltv({ amount: 0, collateralValue: 0 })).toBe(0);
    expect(ltv({ amount: 0, collateralValue: 100 })).toBe(0);
  });
});
