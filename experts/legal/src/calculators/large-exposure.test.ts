import { describe, expect, it } from "vitest";
import { groupExposure, largeExposureRatio } from "./large-exposure.js";

const TIER1 = 10_000_000_000_000; // the reference bank's default Tier 1 capital, JPY

describe("groupExposure", () => {
  it("adds the converted facility to the existing exposure", () => {
    expect(groupExposure({ existingExposure: 200e9, amount: 1e9, spot: 150 })).toBe(350e9);
  });
  it("is the existing exposure alone for a zero facility", () => {
    expect(groupExposure({ existingExposure: 5e9, amount: 0, spot: 150 })).toBe(5e9);
  });
  it("takes a base-currency facility at spot 1", () => {
    expect(groupExposure({ existingExposure: 0, amount: 1e12, spot: 1 })).toBe(1e12);
  });
});

describe("largeExposureRatio", () => {
  it("divides the group exposure by Tier 1 capital", () => {
    expect(largeExposureRatio({ existingExposure: 0, amount: 1e12, spot: 1, tier1Capital: TIER1 })).toBe(0.1);
  });
  it("converts a USD facility at spot (USD 10bn at 100 = JPY 1tn = 10%)", () => {
    expect(largeExposureRatio({ existingExposure: 0, amount: 1e10, spot: 100, tier1Capital: TIER1 })).toBeCloseTo(0.1, 12);
  });
  it("converts with a fractional spot (EUR at 162.5)", () => {
    const ratio = largeExposureRatio({ existingExposure: 375e9, amount: 10e9, spot: 162.5, tier1Capital: TIER1 });
    expect(ratio).toBeCloseTo((375e9 + 1625e9) / TIER1, 12);
    expect(ratio).toBeCloseTo(0.2, 12);
  });
  it("counts the existing exposure even when the facility is small", () => {
    expect(largeExposureRatio({ existingExposure: 2.5e12, amount: 1, spot: 1, tier1Capital: TIER1 })).toBeGreaterThan(0.25);
  });
  it("is zero with nothing lent", () => {
    expect(largeExposureRatio({ existingExposure: 0, amount: 0, spot: 150, tier1Capital: TIER1 })).toBe(0);
  });
  it("is undefined for zero Tier 1 capital", () => {
    expect(largeExposureRatio({ existingExposure: 1, amount: 1, spot: 1, tier1Capital: 0 })).toBeUndefined();
  });
  it("is undefined for negative Tier 1 capital", () => {
    expect(largeExposureRatio({ existingExposure: 1, amount: 1, spot: 1, tier1Capital: -5 })).toBeUndefined();
  });
  it("places values around the reference thresholds exactly", () => {
    const at = (amount: number) => largeExposureRatio({ existingExposure: 0, amount, spot: 1, tier1Capital: TIER1 })!;
    expect(at(999_999_999_999)).toBeLessThan(0.1);
    expect(at(1_000_000_000_000)).toBe(0.1);
    expect(at(1_000_000_000_001)).toBeGreaterThan(0.1);
    expect(at(2_500_000_000_000)).toBe(0.25);
    expect(at(2_500_000_000_001)).toBeGreaterThan(0.25);
  });
});
