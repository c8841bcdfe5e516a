import { describe, expect, it } from "vitest";
import { balloonYears, hasBalloon } from "./balloon.js";

describe("hasBalloon", () => {
  it("is a bullet strictly longer than the threshold", () => {
    expect(hasBalloon({ amortization: "bullet", tenorYears: 3.5 }, 3)).toBe(true);
    expect(hasBalloon({ amortization: "bullet", tenorYears: 3 }, 3)).toBe(false);
    expect(hasBalloon({ amortization: "linear", tenorYears: 10 }, 3)).toBe(false);
  });
});

describe("balloonYears", () => {
  it("is new debt over CFADS", () => {
    expect(balloonYears({ newDebt: 400, cfads: 100 })).toBe(4); // 400 / 100
    expect(balloonYears({ newDebt: 650, cfads: 100 })).toBe(6.5);
  });

  it.each([0, -10])("is undefined for CFADS %d", (cfads) => {
    expect(balloonYears({ newDebt: 400, cfads })).toBeUndefined();
  });
});
