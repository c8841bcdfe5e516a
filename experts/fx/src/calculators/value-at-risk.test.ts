import { describe, expect, it } from "vitest";
import { valueAtRisk } from "./value-at-risk.js";

const reference = { z: 2.326, horizonDays: 10, tradingDaysPerYear: 252 };

describe("valueAtRisk", () => {
  it("follows z · vol · sqrt(h/T) · netOpen · spot", () => {
    const v = valueAtRisk([{ netOpen: 1_000_000, spot: 150, vol: 0.1 }], reference);
    expect(v).toBeCloseTo(2.326 * 0.1 * Math.sqrt(10 / 252) * 1_000_000 * 150, 6);
    expect(v).toBeCloseTo(6_950_254.36, 1);
  });

  it("sums currencies without correlation benefit", () => {
    const usd = { netOpen: 100, spot: 150, vol: 0.1 };
    const eur = { netOpen: 200, spot: 160, vol: 0.08 };
    expect(valueAtRisk([usd, eur], reference)).toBeCloseTo(
      valueAtRisk([usd], reference) + valueAtRisk([eur], reference),
      9,
    );
  });

  it("converts at spot: the same open amount at double the spot doubles the VaR", () => {
    const at150 = valueAtRisk([{ netOpen: 100, spot: 150, vol: 0.1 }], reference);
    const at300 = valueAtRisk([{ netOpen: 100, spot: 300, vol: 0.1 }], reference);
    expect(at300).toBeCloseTo(2 * at150, 9);
  });

  it("scales with the square root of the horizon", () => {
    const tenDays = valueAtRisk([{ netOpen: 100, spot: 1, vol: 0.2 }], reference);
    const fortyDays = valueAtRisk([{ netOpen: 100, spot: 1, vol: 0.2 }], { ...reference, horizonDays: 40 });
    expect(fortyDays).toBeCloseTo(2 * tenDays, 9);
  });

  it("is zero with nothing open or no volatility", () => {
    expect(valueAtRisk([], reference)).toBe(0);
    expect(valueAtRisk([{ netOpen: 0, spot: 150, vol: 0.3 }], reference)).toBe(0);
    expect(valueAtRisk([{ netOpen: 100, spot: 150, vol: 0 }], reference)).toBe(0);
  });
});
