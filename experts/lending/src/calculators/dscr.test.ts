import { describe, expect, it } from "vitest";
import { dscr } from "./dscr.js";

describe("dscr", () => {
  it("divides EBITDA by existing plus new debt service", () => {
    expect(dscr({ ebitda: 120, annualDebtService: 70, newDebtService: 30 })).toBeCloseTo(1.2, 12);
  });

  it.each([
    [99, 0.99],
    [100, 1],
    [101, 1.01],
    [124, 1.24],
    [125, 1.25],
    [126, 1.26],
  ])("EBITDA %d over debt service 100 is %d (around the 1.0x and 1.25x tiers)", (ebitda, expected) => {
    expect(dscr({ ebitda, annualDebtService: 60, newDebtService: 40 })).toBeCloseTo(expected, 12);
  });

  it("is unlimited when there is no debt service at all", () => {
    expect(dscr({ ebitda: 50, annualDebtService: 0, newDebtService: 0 })).toBe(Number.POSITIVE_INFINITY);
    expect(dscr({ ebitda: -50, annualDebtService: 0, newDebtService: 0 })).toBe(Number.POSITIVE_INFINITY);
  });

  it("is finite as soon as only the new facility has debt service", () => {
    expect(dscr({ ebitda: 50, annualDebtService: 0, newDebtService: 25 })).toBe(2);
  });

  it("is negative for negative EBITDA with debt service", () => {
    expect(dscr({ ebitda: -10, annualDebtService: 20, newDebtService: 0 })).toBe(-0.5);
  });
});
