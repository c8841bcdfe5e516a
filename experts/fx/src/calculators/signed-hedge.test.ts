import { describe, expect, it } from "vitest";
import { signedHedge } from "./signed-hedge.js";

describe("signedHedge (Σ sell − Σ buy, in the hedge currency)", () => {
  it("adds sells and subtracts buys", () => {
    // 100 + 20 − 30 = 90
    expect(
      signedHedge([
        { notional: 100, direction: "sell" },
        { notional: 20, direction: "sell" },
        { notional: 30, direction: "buy" },
      ]),
    ).toBe(90);
  });

  it("is negative for a borrower that buys the currency forward, and zero with no hedge", () => {
    expect(signedHedge([{ notional: 40, direction: "buy" }])).toBe(-40);
    expect(signedHedge([])).toBe(0);
  });
});
