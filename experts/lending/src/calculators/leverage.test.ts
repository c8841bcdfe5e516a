import { describe, expect, it } from "vitest";
import { leverage } from "./leverage.js";

describe("leverage", () => {
  it("adds the facility to existing debt before dividing by EBITDA", () => {
    expect(leverage({ totalDebt: 300, facilityAmount: 150, ebitda: 100 })).toBe(4.5);
  });

  it.each([
    [399, 3.99],
    [400, 4],
    [401, 4.01],
    [599, 5.99],
    [600, 6],
    [601, 6.01],
  ])("debt %d over EBITDA 100 is %d (around the 4.0x and 6.0x tiers)", (debt, expected) => {
    expect(leverage({ totalDebt: debt - 50, facilityAmount: 50, ebitda: 100 })).toBeCloseTo(expected, 12);
  });

  it("is undefined for zero and negative EBITDA, and defined just above zero", () => {
    expect(leverage({ totalDebt: 100, facilityAmount: 0, ebitda: 0 })).toBeUndefined();
    expect(leverage({ totalDebt: 100, facilityAmount: 0, ebitda: -1 })).toBeUndefined();
    expect(leverage({ totalDebt: 100, facilityAmount: 0, ebitda: 0.01 })).toBeCloseTo(10_000, 6);
  });

  it("is zero for a debt-free borrower without a facility", () => {
    expect(leverage({ totalDebt: 0, facilityAmount: 0, ebitda: 100 })).toBe(0);
  });
});
