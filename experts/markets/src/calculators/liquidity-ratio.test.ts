import type { Position } from "@kyocho/core/case";
import { describe, expect, it } from "vitest";
import { liquidityRatio, positionLiquidity } from "./liquidity-ratio.js";

describe("liquidityRatio", () => {
  it.each([
    [19.99, 100, 0.1999],
    [20, 100, 0.2],
    [20.01, 100, 0.2001],
    [99.99, 100, 0.9999],
    [100, 100, 1],
    [100.01, 100, 1.0001],
  ])("marketValue %s over adv %s is %s", (marketValue, adv, expected) => {
    expect(liquidityRatio(marketValue, adv)).toBe(expected);
  });

  it("measures a short by its size: −30 over 100 is 0.3", () => {
    expect(liquidityRatio(-30, 100)).toBe(0.3);
  });

  it("is zero for a position worth nothing", () => {
    expect(liquidityRatio(0, 100)).toBe(0);
  });

  it("is null without a usable adv (absent, zero, negative)", () => {
    expect(liquidityRatio(10, undefined)).toBeNull();
    expect(liquidityRatio(10, 0)).toBeNull();
    expect(liquidityRatio(10, -5)).toBeNull();
  });
});

describe("positionLiquidity", () => {
  it("keeps case indices and lists the positions with a value and no adv", () => {
    const positions: Position[] = [
      { id: "a", issuer: "X", kind: "equity", marketValue: 50, adv: 100 },
      { id: "b", issuer: "Y", kind: "bond", marketValue: 50 },
      { id: "c", issuer: "Z", kind: "loan", marketValue: 300, adv: 200 },
      { id: "d", issuer: "W", kind: "swap", marketValue: -10 },
      { id: "e", issuer: "V", kind: "swap", marketValue: 0, dv01: 5 },
    ];
    expect(positionLiquidity(positions)).toEqual({
      measured: [
        { index: 0, id: "a", ratio: 0.5 },
        { index: 2, id: "c", ratio: 1.5 },
      ],
      missingAdv: [1, 3], // e is worth nothing: nothing to sell, no adv needed
    });
  });
});
