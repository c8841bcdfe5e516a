import { describe, expect, it } from "vitest";
import { fxStressedDscr } from "./fx-stressed-dscr.js";

describe("fxStressedDscr", () => {
  it("takes the FX loss off CFADS over the same debt service", () => {
    expect(fxStressedDscr({ cfads: 130, fxLoss: 20, debtService: 100 })).toBeCloseTo(1.1, 12); // (130 − 20) / 100
    expect(fxStressedDscr({ cfads: 130, fxLoss: 0, debtService: 100 })).toBeCloseTo(1.3, 12);
  });

  it("is unlimited without debt service", () => {
    expect(fxStressedDscr({ cfads: 130, fxLoss: 20, debtService: 0 })).toBe(Number.POSITIVE_INFINITY);
  });
});
