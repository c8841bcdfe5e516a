import { describe, expect, it } from "vitest";
import { effectiveHedgeRatio, unhedgedForeignShare } from "./unhedged-foreign-share.js";

describe("unhedgedForeignShare", () => {
  it("sums share · (1 − hedge ratio) over currencies other than F", () => {
    expect(unhedgedForeignShare({ USD: 0.4, EUR: 0.2, JPY: 0.4 }, { USD: 0.5, EUR: 0.25 }, "JPY")).toBeCloseTo(0.35, 12);
  });

  it("ignores the financials currency even when it is listed", () => {
    expect(unhedgedForeignShare({ JPY: 1 }, {}, "JPY")).toBe(0);
  });

  it("counts a currency without a hedge ratio (fx had no exposure there) as unhedged", () => {
    expect(unhedgedForeignShare({ USD: 0.3 }, {}, "JPY")).toBeCloseTo(0.3, 12);
    expect(unhedgedForeignShare({ USD: 0.3 }, { USD: null }, "JPY")).toBeCloseTo(0.3, 12);
  });

  it("is zero when fully hedged", () => {
    expect(unhedgedForeignShare({ USD: 0.6 }, { USD: 1 }, "JPY")).toBe(0);
  });
});

describe("effectiveHedgeRatio", () => {
  it("clamps to [0, 1] and reads unknown as 0", () => {
    expect(effectiveHedgeRatio(undefined)).toBe(0);
    expect(effectiveHedgeRatio(null)).toBe(0);
    expect(effectiveHedgeRatio(Number.NaN)).toBe(0);
    expect(effectiveHedgeRatio(-0.1)).toBe(0);
    expect(effectiveHedgeRatio(0.4)).toBe(0.4);
    expect(effectiveHedgeRatio(1.5)).toBe(1);
  });
});
