import { describe, expect, it } from "vitest";
import { dscr } from "./dscr.js";

describe("dscr", () => {
  it("divides CFADS by debt service", () => {
    expect(dscr({ cfads: 120, debtService: 100 })).toBeCloseTo(1.2, 12); // 120 / 100
    expect(dscr({ cfads: -20, debtService: 80 })).toBe(-0.25); // negative cash flow: −20 / 80
  });

  it.each([0, -5])("is unlimited with debt service %d", (debtService) => {
    expect(dscr({ cfads: 120, debtService })).toBe(Number.POSITIVE_INFINITY);
  });
});
