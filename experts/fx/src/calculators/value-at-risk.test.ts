import { describe, expect, it } from "vitest";
import { valueAtRisk } from "./value-at-risk.js";

const reference = { z: 2.326, horizonDays: 10, tradingDaysPerYear: 252 };

describe("valueAtRisk (in F, on |open|)", () => {
  it("follows z · vol · sqrt(h/T) · |open|", () => {
    // 2.326 · 0.1 · sqrt(10/252) · 1,000,000 = 2.326 · 0.1 · 0.1992048 · 1e6 ≈ 46,335.03
    const v = valueAtRisk([{ open: 1_000_000, vol: 0.1 }], reference);
    expect(v).toBeCloseTo(46_335.03, 2);
  });

  it("counts a short open position like a long one", () => {
    expect(valueAtRisk([{ open: -1_000_000, vol: 0.1 }], reference)).toBeCloseTo(46_335.03, 2);
  });

  it("sums currencies without correlation benefit", () => {
    const usd = { open: 100, vol: 0.1 };
    const eur = { open: -200, vol: 0.08 };
    // 0.46335029 · (0.1 · 100 + 0.08 · 200) = 0.46335029 · 26 ≈ 12.0471
    expect(valueAtRisk([usd, eur], reference)).toBeCloseTo(12.0471, 4);
  });

  it("scales with the square root of the horizon", () => {
    const tenDays = valueAtRisk([{ open: 100, vol: 0.2 }], reference);
    const fortyDays = valueAtRisk([{ open: 100, vol: 0.2 }], { ...reference, horizonDays: 40 });
    expect(fortyDays).toBeCloseTo(2 * tenDays, 9);
  });

  it("is zero with nothing open or no volatility", () => {
    expect(valueAtRisk([], reference)).toBe(0);
    expect(valueAtRisk([{ open: 0, vol: 0.3 }], reference)).toBe(0);
    expect(valueAtRisk([{ open: 100, vol: 0 }], reference)).toBe(0);
  });
});
