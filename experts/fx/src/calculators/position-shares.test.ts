import { describe, expect, it } from "vitest";
import { isMaterial, isReversed, openShareOfNet } from "./position-shares.js";

describe("isMaterial (|net| ≥ share · revenue)", () => {
  it("sits at the 5% boundary", () => {
    expect(isMaterial(50, 1000, 0.05)).toBe(true); // 50 / 1000 = 5%
    expect(isMaterial(-50, 1000, 0.05)).toBe(true);
    expect(isMaterial(49.99, 1000, 0.05)).toBe(false);
    expect(isMaterial(0.15, 3, 0.05)).toBe(true); // 0.15 / 3 is 0.04999… in binary: still 5%
  });

  it("is false with no net position and true for any position when revenue is zero", () => {
    expect(isMaterial(0, 1000, 0.05)).toBe(false);
    expect(isMaterial(-1, 0, 0.05)).toBe(true);
  });
});

describe("openShareOfNet and isReversed", () => {
  it("measures the open part against |net|", () => {
    expect(openShareOfNet(100, 40)).toBe(0.4);
    expect(openShareOfNet(-100, 30)).toBe(0.3);
    expect(openShareOfNet(0, 10)).toBeNull();
  });

  it("calls an open position of the opposite sign, or one with no net position, reversed", () => {
    expect(isReversed(100, -30)).toBe(true);
    expect(isReversed(-100, 30)).toBe(true);
    expect(isReversed(100, 30)).toBe(false);
    expect(isReversed(100, 0)).toBe(false);
    expect(isReversed(0, -10)).toBe(true);
    expect(isReversed(0, 0)).toBe(false);
  });
});
