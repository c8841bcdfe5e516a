import { describe, expect, it } from "vitest";
import { icr } from "./icr.js";

describe("icr", () => {
  it("adds the facility's interest (A_F · rate) to existing interest", () => {
    expect(icr({ ebitda: 90, interestExpense: 20, facilityAmount: 200, rate: 0.05 })).toBeCloseTo(3, 12);
  });

  it.each([
    [149, 1.49],
    [150, 1.5],
    [151, 1.51],
    [299, 2.99],
    [300, 3],
    [301, 3.01],
  ])("EBITDA %d over interest 100 is %d (around the 1.5x and 3.0x tiers)", (ebitda, expected) => {
    expect(icr({ ebitda, interestExpense: 100, facilityAmount: 0, rate: 0.07 })).toBeCloseTo(expected, 12);
  });

  it("is unlimited with no interest, existing or new", () => {
    expect(icr({ ebitda: 10, interestExpense: 0, facilityAmount: 0, rate: 0.05 })).toBe(Number.POSITIVE_INFINITY);
    expect(icr({ ebitda: 10, interestExpense: 0, facilityAmount: 500, rate: 0 })).toBe(Number.POSITIVE_INFINITY);
  });

  it("is finite when only the facility bears interest", () => {
    expect(icr({ ebitda: 10, interestExpense: 0, facilityAmount: 100, rate: 0.05 })).toBeCloseTo(2, 12);
  });
});
