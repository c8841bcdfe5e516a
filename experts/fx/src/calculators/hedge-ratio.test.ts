import { describe, expect, it } from "vitest";
import { hedgeRatio } from "./hedge-ratio.js";

describe("hedgeRatio", () => {
  it("divides hedged notional by gross exposure", () => {
    expect(hedgeRatio(200, 50)).toBe(0.25);
  });

  it("sits just below, at and just above the 0.5 FX-HEDGE threshold", () => {
    expect(hedgeRatio(100, 49.99)).toBeLessThan(0.5);
    expect(hedgeRatio(100, 50)).toBe(0.5);
    expect(hedgeRatio(100, 50.01)).toBeGreaterThan(0.5);
  });

  it("sits just below and at the full hedge (FX-VOL compares with 1)", () => {
    expect(hedgeRatio(100, 99.99)).toBeLessThan(1);
    expect(hedgeRatio(100, 100)).toBe(1);
  });

  it("caps an over-hedge at 1", () => {
    expect(hedgeRatio(100, 250)).toBe(1);
  });

  it("is 0 with no hedge", () => {
    expect(hedgeRatio(100, 0)).toBe(0);
  });

  it("treats a zero gross exposure as fully hedged (nothing is open)", () => {
    expect(hedgeRatio(0, 0)).toBe(1);
    expect(hedgeRatio(0, 10)).toBe(1);
  });

  it("removes binary floating-point noise", () => {
    expect(hedgeRatio(0.3, 0.15)).toBe(0.5);
    expect(hedgeRatio(3, 0.1 + 0.2)).toBe(0.1);
  });
});
