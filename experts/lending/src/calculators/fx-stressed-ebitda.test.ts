import { describe, expect, it } from "vitest";
import { fxStressedEbitda } from "./fx-stressed-ebitda.js";

describe("fxStressedEbitda", () => {
  it("applies the shock to the unhedged share", () => {
    expect(fxStressedEbitda({ ebitda: 100, revenueShock: 0.2, unhedgedShare: 0.5 })).toBeCloseTo(90, 12);
  });

  it("leaves EBITDA unchanged with nothing unhedged or no shock", () => {
    expect(fxStressedEbitda({ ebitda: 100, revenueShock: 0.2, unhedgedShare: 0 })).toBe(100);
    expect(fxStressedEbitda({ ebitda: 100, revenueShock: 0, unhedgedShare: 0.8 })).toBe(100);
  });

  it("never improves a zero or negative EBITDA", () => {
    expect(fxStressedEbitda({ ebitda: -10, revenueShock: 0.2, unhedgedShare: 0.5 })).toBe(-10);
    expect(fxStressedEbitda({ ebitda: 0, revenueShock: 0.2, unhedgedShare: 0.5 })).toBe(0);
  });
});
