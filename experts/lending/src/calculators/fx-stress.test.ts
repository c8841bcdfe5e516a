import { describe, expect, it } from "vitest";
import { fxStress } from "./fx-stress.js";

const base = {
  ebitda: 100,
  annualDebtService: 60,
  newDebtService: 20,
  financialsCurrency: "JPY",
  revenueShock: 0.2,
};

describe("fxStress", () => {
  it("recomputes DSCR over the same debt service as LEN-DSCR", () => {
    const out = fxStress({ ...base, foreignRevenueShare: { USD: 0.5 }, hedgeRatios: {} });
    expect(out.unhedgedShare).toBeCloseTo(0.5, 12);
    expect(out.stressedEbitda).toBeCloseTo(90, 12);
    expect(out.stressedDscr).toBeCloseTo(1.125, 12);
  });

  it("uses the fx hedge ratios", () => {
    const out = fxStress({ ...base, foreignRevenueShare: { USD: 0.5, JPY: 0.5 }, hedgeRatios: { USD: 0.6 } });
    expect(out.unhedgedShare).toBeCloseTo(0.2, 12);
    expect(out.stressedEbitda).toBeCloseTo(96, 12);
    expect(out.stressedDscr).toBeCloseTo(1.2, 12);
  });

  it.each([
    // EBITDA chosen so the stressed DSCR (debt service 80, 50% unhedged, 20% shock → ×0.9) lands on each side of 1.25 and 1.0
    [111, 1.24875],
    [111.111111111111, 1.25],
    [112, 1.26],
    [88, 0.99],
    [88.8888888888889, 1],
    [90, 1.0125],
  ])("EBITDA %d stresses to DSCR %d", (ebitda, expected) => {
    expect(fxStress({ ...base, ebitda, foreignRevenueShare: { USD: 0.5 }, hedgeRatios: {} }).stressedDscr).toBeCloseTo(expected, 9);
  });

  it("is unlimited without debt service", () => {
    const out = fxStress({ ...base, annualDebtService: 0, newDebtService: 0, foreignRevenueShare: { USD: 1 }, hedgeRatios: {} });
    expect(out.stressedDscr).toBe(Number.POSITIVE_INFINITY);
    expect(out.stressedEbitda).toBeCloseTo(80, 12);
  });
});
