import type { Position } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { rateShock } from "./rate-shock.js";

const bond = (marketValue: number, modifiedDuration?: number, id = "b"): Position => ({
  id, issuer: "Issuer", kind: "bond", marketValue, ...(modifiedDuration === undefined ? {} : { modifiedDuration }),
});

describe("rateShock", () => {
  it("is shock × duration-weighted average duration over bonds and loans", () => {
    const result = rateShock(
      [bond(100, 4), { id: "l", issuer: "X", kind: "loan", marketValue: 300, modifiedDuration: 2 }],
      200,
    );
    expect(result.exposure).toBe(400);
    expect(result.loss).toBeCloseTo((4 * 100 + 2 * 300) * 0.02, 12);
    expect(result.ratio).toBe(0.05); // average duration 2.5 × 2%
    expect(result.complete).toBe(true);
  });

  it("excludes equities from both the loss and the denominator", () => {
    const result = rateShock(
      [bond(100, 5), { id: "e", issuer: "Y", kind: "equity", marketValue: 900, modifiedDuration: 10 }],
      200,
    );
    expect(result.exposure).toBe(100);
    expect(result.ratio).toBe(0.1);
  });

  it.each([
    [2.4999, "just below 5%", 0.049998],
    [2.5, "at 5%", 0.05],
    [2.5001, "just above 5%", 0.050002],
    [4.9999, "just below 10%", 0.099998],
    [5, "at 10%", 0.1],
    [5.0001, "just above 10%", 0.100002],
  ])("duration %s gives a ratio %s", (duration, _label, expected) => {
    expect(rateShock([bond(1_000_000, duration)], 200).ratio).toBe(expected);
  });

  it("scales with the shock size in basis points", () => {
    expect(rateShock([bond(100, 5)], 100).ratio).toBe(0.05);
    expect(rateShock([bond(100, 5)], 0).ratio).toBe(0);
  });

  it("has no ratio when there are no bonds or loans, or they are worth zero", () => {
    expect(rateShock([], 200)).toMatchObject({ exposure: 0, loss: 0, ratio: null, complete: true });
    expect(rateShock([{ id: "e", issuer: "Y", kind: "equity", marketValue: 50 }], 200).ratio).toBeNull();
    expect(rateShock([bond(0, 7)], 200)).toMatchObject({ exposure: 0, ratio: null });
  });

  it("lists bonds and loans without a duration and keeps a floor over the full exposure", () => {
    const result = rateShock(
      [bond(100, 6), { id: "e", issuer: "Y", kind: "equity", marketValue: 10 }, bond(100)],
      200,
    );
    expect(result.missingDuration).toEqual([2]);
    expect(result.complete).toBe(false);
    expect(result.exposure).toBe(200);
    expect(result.ratio).toBe(0.06); // 6 × 100 × 2% over 200: the missing bond counts as duration 0
  });

  it("treats a zero duration (a floating-rate note) as known, not missing", () => {
    const result = rateShock([bond(100, 0)], 200);
    expect(result).toMatchObject({ ratio: 0, complete: true, missingDuration: [] });
  });
});
