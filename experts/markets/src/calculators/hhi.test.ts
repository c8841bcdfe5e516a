import { describe, expect, it } from "vitest";
import { herfindahl } from "./hhi.js";

describe("herfindahl", () => {
  it("is 10 000 for a single issuer and 0 for no issuer", () => {
    expect(herfindahl([1])).toBe(10_000);
    expect(herfindahl([])).toBe(0);
  });

  it("is 10 000 / n for n equal issuers", () => {
    expect(herfindahl([0.5, 0.5])).toBe(5000);
    expect(herfindahl([0.2, 0.2, 0.2, 0.2, 0.2])).toBe(2000);
  });

  it("sits exactly at, just below and just above the 2 500 threshold", () => {
    expect(herfindahl([0.25, 0.25, 0.25, 0.25])).toBe(2500);
    expect(herfindahl([0.2501, 0.2499, 0.25, 0.25])).toBeGreaterThan(2500);
    // Moving share from a larger to a smaller holding lowers the index.
    expect(herfindahl([0.5, 0.3, 0.2])).toBe(3800);
    expect(herfindahl([0.25, 0.25, 0.25, 0.2499, 0.0001])).toBeLessThan(2500);
  });

  it("weights large shares more than many small ones", () => {
    expect(herfindahl([0.6, 0.1, 0.1, 0.1, 0.1])).toBeGreaterThan(herfindahl([0.3, 0.3, 0.2, 0.2]));
  });
});
