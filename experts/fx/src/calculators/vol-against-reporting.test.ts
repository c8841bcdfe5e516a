import { describe, expect, it } from "vitest";
import { volAgainstReporting } from "./vol-against-reporting.js";

describe("volAgainstReporting (max(vol_C, vol_F), vol of the base 0)", () => {
  it("is C's own vol when F is the base currency (vol_F = 0)", () => {
    expect(volAgainstReporting(0.12, 0)).toBe(0.12);
  });

  it("is F's vol when C is the base currency (a JPY loan to a USD earner, JPY base)", () => {
    expect(volAgainstReporting(0, 0.1)).toBe(0.1);
  });

  it("takes the larger leg when neither is the base", () => {
    expect(volAgainstReporting(0.08, 0.1)).toBe(0.1); // EUR against USD for a JPY bank
    expect(volAgainstReporting(0.25, 0.1)).toBe(0.25); // TRY against USD
  });
});
