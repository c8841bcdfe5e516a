import { describe, expect, it } from "vitest";
import { stressLoss } from "./stress-loss.js";

describe("stressLoss", () => {
  it("applies the shock to the net open position converted at spot", () => {
    // USD 1m open at 150 JPY: a 20% move costs JPY 30m.
    expect(stressLoss([{ netOpen: 1_000_000, spot: 150 }], 0.2)).toBe(30_000_000);
  });

  it("sums currencies without diversification", () => {
    const loss = stressLoss(
      [
        { netOpen: 100, spot: 150 }, // USD
        { netOpen: 200, spot: 160 }, // EUR
      ],
      0.2,
    );
    expect(loss).toBeCloseTo(0.2 * (100 * 150 + 200 * 160), 9);
  });

  it("values a base-currency position at spot 1", () => {
    expect(stressLoss([{ netOpen: 500, spot: 1 }], 0.2)).toBe(100);
  });

  it("is zero with nothing open", () => {
    expect(stressLoss([], 0.2)).toBe(0);
    expect(stressLoss([{ netOpen: 0, spot: 150 }], 0.2)).toBe(0);
  });
});
