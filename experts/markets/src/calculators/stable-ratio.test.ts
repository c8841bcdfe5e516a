import { describe, expect, it } from "vitest";
import { stableRatio } from "./stable-ratio.js";

describe("stableRatio", () => {
  it("removes binary floating-point noise so a value at a threshold stays at it", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(stableRatio(0.1 + 0.2)).toBe(0.3);
    expect(stableRatio(0.25000000000000006)).toBe(0.25);
  });

  it("keeps meaningful differences just above or below a threshold", () => {
    expect(stableRatio(0.2500001)).toBeGreaterThan(0.25);
    expect(stableRatio(0.2499999)).toBeLessThan(0.25);
    expect(stableRatio(2500.0001)).toBeGreaterThan(2500);
  });

  it("passes zero, negatives and non-finite values through", () => {
    expect(stableRatio(0)).toBe(0);
    expect(stableRatio(-0.30000000000000004)).toBe(-0.3);
    expect(stableRatio(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(stableRatio(Number.NaN)).toBeNaN();
  });
});
