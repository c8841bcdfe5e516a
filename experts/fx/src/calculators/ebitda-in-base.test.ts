import { describe, expect, it } from "vitest";
import { ebitdaInBase } from "./ebitda-in-base.js";

describe("ebitdaInBase", () => {
  it("converts a foreign-currency EBITDA at spot", () => {
    expect(ebitdaInBase(10_000_000, 150)).toBe(1_500_000_000);
  });

  it("leaves a base-currency EBITDA unchanged (spot 1)", () => {
    expect(ebitdaInBase(42, 1)).toBe(42);
  });

  it("keeps zero and negative EBITDA as they are", () => {
    expect(ebitdaInBase(0, 150)).toBe(0);
    expect(ebitdaInBase(-2, 150)).toBe(-300);
  });
});
