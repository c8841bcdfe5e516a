import { describe, expect, it } from "vitest";
import { stableRatio } from "./stable-ratio.js";

describe("stableRatio", () => {
  it("rounds away floating-point noise", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(stableRatio(0.1 + 0.2)).toBe(0.3);
  });

  it("keeps meaningful digits", () => {
    expect(stableRatio(0.123456789)).toBe(0.123456789);
    expect(stableRatio(-1.5)).toBe(-1.5);
    expect(stableRatio(0)).toBe(0);
  });
});
