import { describe, expect, it } from "vitest";
import { hedgeRatio } from "./hedge-ratio.js";

describe("hedgeRatio (hedge / net, clamped to [0, 1])", () => {
  it("divides the hedge by the net position, long or short", () => {
    expect(hedgeRatio(200, 50)).toBe(0.25); // 50 / 200
    expect(hedgeRatio(-200, -150)).toBe(0.75); // short 200, bought 150: −150 / −200
  });

  it("sits just below, at and just above the 0.5 FX-HEDGE threshold", () => {
    expect(hedgeRatio(100, 49.99)).toBeLessThan(0.5);
    expect(hedgeRatio(100, 50)).toBe(0.5);
    expect(hedgeRatio(100, 50.01)).toBeGreaterThan(0.5);
  });

  it("clamps an over-hedge at 1 and a hedge the wrong way round at 0", () => {
    expect(hedgeRatio(100, 250)).toBe(1);
    expect(hedgeRatio(100, -50)).toBe(0); // bought a currency the borrower is long in
    expect(hedgeRatio(-100, 30)).toBe(0); // sold a currency the borrower is short in
  });

  it("is 0 with no hedge and null with no net position", () => {
    expect(hedgeRatio(100, 0)).toBe(0);
    expect(hedgeRatio(0, 0)).toBeNull();
    expect(hedgeRatio(0, 10)).toBeNull();
  });

  it("removes binary floating-point noise", () => {
    expect(hedgeRatio(0.3, 0.15)).toBe(0.5);
    expect(hedgeRatio(3, 0.1 + 0.2)).toBe(0.1);
  });
});
