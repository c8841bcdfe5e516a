import { describe, expect, it } from "vitest";
import { evaluateTiers, TierSchema, tierMet } from "./tiers.js";

describe("tiers", () => {
  it("each comparator is strict or inclusive as named", () => {
    expect([3.99, 4, 4.01].map((v) => tierMet(v, { severity: "medium", above: 4 }))).toEqual([false, false, true]);
    expect([0.0999, 0.1, 0.1001].map((v) => tierMet(v, { severity: "medium", atLeast: 0.1 }))).toEqual([false, true, true]);
    expect([1.24, 1.25, 1.26].map((v) => tierMet(v, { severity: "high", below: 1.25 }))).toEqual([true, false, false]);
    expect([0.9, 1, 1.1].map((v) => tierMet(v, { severity: "high", atMost: 1 }))).toEqual([true, true, false]);
  });

  it("reports the highest tier met once, whatever the order in the file", () => {
    const tiers = [
      { above: 4, severity: "medium" as const },
      { above: 6, severity: "high" as const },
    ];
    expect(evaluateTiers(4, tiers)).toBeUndefined();
    expect(evaluateTiers(5, tiers)).toBe("medium");
    expect(evaluateTiers(6.5, tiers)).toBe("high");
    expect(evaluateTiers(6.5, [...tiers].reverse())).toBe("high");
  });

  it("a tier names exactly one comparator", () => {
    expect(TierSchema.safeParse({ severity: "high", above: 1, below: 2 }).success).toBe(false);
    expect(TierSchema.safeParse({ severity: "high" }).success).toBe(false);
    expect(TierSchema.safeParse({ severity: "high", over: 1 }).success).toBe(false);
    expect(TierSchema.safeParse({ severity: "severe", above: 1 }).success).toBe(false);
  });
});
