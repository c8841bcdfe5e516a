import { describe, expect, it } from "vitest";
import { stableRatio } from "./stable-ratio.js";

describe("stableRatio", () => {
  it("removes floating-point noise but keeps real differences", () => {
    expect(stableRatio(0.1 + 0.2)).toBe(0.3);
    expect(stableRatio(0.25000000000000006)).toBe(0.25);
    expect(stableRatio(0.2500001)).toBe(0.2500001);
    // One yen over a 25% limit of a 10 trillion capital still breaches.
    expect(stableRatio((2.5e12 + 1) / 1e13)).toBeGreaterThan(0.25);
  });
  it("leaves zero and non-finite values alone", () => {
    expect(stableRatio(0)).toBe(0);
    expect(stableRatio(Infinity)).toBe(Infinity);
    expect(Number.isNaN(stableRatio(NaN))).toBe(true);
  });
});
