import { describe, expect, it } from "vitest";
import { stressLossToEbitda } from "./stress-loss-to-ebitda.js";

describe("stressLossToEbitda", () => {
  it("divides the loss by EBITDA", () => {
    expect(stressLossToEbitda(30, 200)).toBe(0.15);
  });

  it("lands exactly on the 0.10 and 0.25 FX-STRESS thresholds, and either side of them", () => {
    expect(stressLossToEbitda(9.99, 100)).toBeLessThan(0.1);
    expect(stressLossToEbitda(10, 100)).toBe(0.1);
    expect(stressLossToEbitda(10.01, 100)).toBeGreaterThan(0.1);
    expect(stressLossToEbitda(24.99, 100)).toBeLessThan(0.25);
    expect(stressLossToEbitda(25, 100)).toBe(0.25);
    expect(stressLossToEbitda(25.01, 100)).toBeGreaterThan(0.25);
  });

  it("is exact at the threshold after a 20% shock and a currency conversion", () => {
    // USD 50 open at 150 JPY, 20% shock = JPY 1,500; EBITDA JPY 15,000 → exactly 10%.
    expect(stressLossToEbitda(0.2 * 50 * 150, 15_000)).toBe(0.1);
  });

  it("is null for a zero or negative EBITDA", () => {
    expect(stressLossToEbitda(30, 0)).toBeNull();
    expect(stressLossToEbitda(30, -5)).toBeNull();
  });

  it("is zero with no loss", () => {
    expect(stressLossToEbitda(0, 100)).toBe(0);
  });
});
