import { describe, expect, it } from "vitest";
import { fxLoss } from "./fx-loss.js";
import { fxLossToCfads } from "./fx-loss-to-cfads.js";

describe("fxLoss (Σ shock · |open|)", () => {
  it("charges every open position in the direction that hurts it", () => {
    // 0.2 · (170 + 40) = 42
    expect(fxLoss([170, -40], 0.2)).toBeCloseTo(42, 12);
    // the worked example: 0.2 · (61.5 + 56) = 23.5
    expect(fxLoss([-61.5, 56], 0.2)).toBeCloseTo(23.5, 12);
  });

  it("is zero with nothing open", () => {
    expect(fxLoss([], 0.2)).toBe(0);
    expect(fxLoss([0, 0], 0.2)).toBe(0);
  });
});

describe("fxLossToCfads", () => {
  it("divides the loss by CFADS", () => {
    expect(fxLossToCfads(30, 200)).toBe(0.15); // 30 / 200
    expect(fxLossToCfads(23.5, 75)).toBeCloseTo(0.3133333, 6); // 23.5 / 75
  });

  it("is null when CFADS is zero or negative", () => {
    expect(fxLossToCfads(30, 0)).toBeNull();
    expect(fxLossToCfads(30, -5)).toBeNull();
  });

  it("removes floating-point noise at a tier boundary", () => {
    expect(fxLossToCfads(0.1 + 0.2, 3)).toBe(0.1);
  });
});
