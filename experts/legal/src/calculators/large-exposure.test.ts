import { describe, expect, it } from "vitest";
import { groupExposure, largeExposureRatio } from "./large-exposure.js";

describe("groupExposure", () => {
  it("adds the facility, the existing exposures at their conversion factors and the positions' absolute values", () => {
    // 150 + 100·0.5 + 40·1 + |−20| + 10 = 270
    expect(
      groupExposure({
        facility: 150,
        exposures: [
          { amount: 100, ccf: 0.5 },
          { amount: 40, ccf: 1 },
        ],
        positions: [-20, 10],
      }),
    ).toBe(270);
  });
  it("is the facility alone with nothing else", () => {
    expect(groupExposure({ facility: 5, exposures: [], positions: [] })).toBe(5);
  });
});

describe("largeExposureRatio", () => {
  it("divides by Tier 1 capital", () => {
    expect(largeExposureRatio(1e12, 1e13)).toBe(0.1);
  });
  it("is undefined without a positive Tier 1 capital: no default", () => {
    expect(largeExposureRatio(1e12, undefined)).toBeUndefined();
    expect(largeExposureRatio(1e12, 0)).toBeUndefined();
  });
});
