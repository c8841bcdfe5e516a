import type { Position } from "@kyocho/core/case";
import { describe, expect, it } from "vitest";
import { bookPositions } from "./book-positions.js";
import { positionDv01, rateShock } from "./rate-shock.js";

const book = (positions: Position[], spots: Record<string, number> = { USD: 150 }) => bookPositions(positions, "JPY", (c) => spots[c]);
const bond = (id: string, marketValue: number, modifiedDuration?: number, extra: Partial<Position> = {}): Position => ({
  id,
  issuer: "Issuer",
  kind: "bond",
  marketValue,
  ...(modifiedDuration === undefined ? {} : { modifiedDuration }),
  ...extra,
});
const swap = (id: string, marketValue: number, dv01?: number, extra: Partial<Position> = {}): Position => ({
  id,
  issuer: "Dealer",
  kind: "swap",
  marketValue,
  ...(dv01 === undefined ? {} : { dv01 }),
  ...extra,
});
const equity: Position = { id: "eq", issuer: "Sony", kind: "equity", marketValue: 5_000, modifiedDuration: 10, dv01: 9 };

describe("positionDv01", () => {
  it("takes the given dv01, signed, converted at spot", () => {
    expect(positionDv01(swap("s", 0, -0.3), 150)).toBeCloseTo(-45, 12); // −0.3 USD/bp × 150
    expect(positionDv01(bond("b", 1_000, 5, { dv01: 0.7 }), 1)).toBe(0.7); // the given dv01 wins over the duration
  });

  it("else modifiedDuration × marketValue × 0.0001: a 1 000 bond of duration 5 is 0.5 per bp; a short is −0.5", () => {
    expect(positionDv01(bond("b", 1_000, 5), 1)).toBeCloseTo(0.5, 15);
    expect(positionDv01(bond("b", -1_000, 5), 1)).toBeCloseTo(-0.5, 15);
    expect(positionDv01(bond("b", 100, 5, { currency: "USD" }), 150)).toBeCloseTo(7.5, 12); // 5 × 100 × 0.0001 × 150
  });

  it("is 0 for a bond worth nothing, unknown for a swap with neither figure or without a spot", () => {
    expect(positionDv01(bond("b", 0), 1)).toBe(0);
    expect(positionDv01(swap("s", 0), 1)).toBeUndefined();
    expect(positionDv01(bond("b", 100, 5), undefined)).toBeUndefined();
  });
});

describe("rateShock", () => {
  it("a pay-fixed swap hedge lowers the loss of a long bond book", () => {
    // JGB 10 000 × duration 7 → DV01 +7; pay-fixed swap DV01 −5, worth −200; the equity stays out.
    // net DV01 = 7 − 5 = 2; loss = 2 × 200bp = 400; gross = |10 000| + |−200| = 10 200; ratio = 400 / 10 200.
    const hedged = rateShock(book([bond("jgb", 10_000, 7), swap("irs", -200, -5), equity]), 200);
    expect(hedged).toMatchObject({ grossValue: 10_200, worstShockBp: 200, complete: true, missingDv01: [] });
    expect(hedged.netDv01).toBeCloseTo(2, 12);
    expect(hedged.loss).toBeCloseTo(400, 9);
    expect(hedged.ratio).toBe(0.03921568627451);
    // Unhedged: DV01 7, loss 1 400, ratio 1 400 / 10 000 = 14%.
    const unhedged = rateShock(book([bond("jgb", 10_000, 7), equity]), 200);
    expect(unhedged.ratio).toBe(0.14);
    expect(hedged.loss!).toBeLessThan(unhedged.loss!);
  });

  it("too much pay-fixed turns the book short duration: the fall in rates is the loss", () => {
    // net DV01 = 7 − 12 = −5; loss = max(−5 × 200, 5 × 200) = 1 000 on a fall; ratio = 1 000 / 10 200.
    const r = rateShock(book([bond("jgb", 10_000, 7), swap("irs", -200, -12)]), 200);
    expect(r.netDv01).toBeCloseTo(-5, 12);
    expect(r.loss).toBeCloseTo(1_000, 9);
    expect(r.worstShockBp).toBe(-200);
    expect(r.ratio).toBe(0.098039215686275);
  });

  it("converts foreign positions at spot and counts short values gross", () => {
    // UST USD 100 × duration 5 × 150 → DV01 7.5 JPY/bp, gross 15 000; short JGB −5 000 × duration 3 → DV01 −1.5, gross 5 000.
    // net 6 × 200 = 1 200 over 20 000 = 6%.
    const r = rateShock(book([bond("ust", 100, 5, { currency: "USD" }), bond("short", -5_000, 3)]), 200);
    expect(r.grossValue).toBe(20_000);
    expect(r.netDv01).toBeCloseTo(6, 12);
    expect(r.ratio).toBe(0.06);
  });

  it("a flat book loses nothing either way", () => {
    const r = rateShock(book([bond("b", 1_000, 5), swap("s", 0, -0.5)]), 200);
    expect(r).toMatchObject({ loss: 0, ratio: 0, worstShockBp: 0, grossValue: 1_000 });
  });

  it("has no ratio without a rates book; a par swap alone has a loss over no gross value", () => {
    expect(rateShock(book([equity]), 200)).toMatchObject({ grossValue: 0, loss: 0, ratio: null, complete: true });
    expect(rateShock(book([swap("s", 0, 3)]), 200)).toMatchObject({ grossValue: 0, loss: 600, ratio: null });
  });

  it("with a long bond's DV01 missing, proves the known long loss as a floor", () => {
    // Known: 1 000 × 12 → DV01 1.2; the missing long bond can only add: floor 1.2 × 200 = 240, 240 / 2 000 = 12%.
    const r = rateShock(book([bond("b1", 1_000, 12), equity, bond("b2", 1_000)]), 200);
    expect(r).toMatchObject({ complete: false, missingDv01: [2], netDv01: null, loss: null, ratio: null, grossValue: 2_000 });
    expect(r.lossFloor).toBeCloseTo(240, 9);
    expect(r.ratioFloor).toBe(0.12);
  });

  it("proves nothing when the missing DV01 could offset the rest", () => {
    // A missing swap could be either sign; a missing short bond could cancel a known long.
    expect(rateShock(book([bond("b1", 1_000, 12), swap("s", 50)]), 200).lossFloor).toBe(0);
    expect(rateShock(book([bond("b1", 1_000, 12), bond("short", -1_000)]), 200).lossFloor).toBe(0);
    // A missing short bond beside a known short: floor |−1.2| × 200 = 240.
    expect(rateShock(book([bond("s1", -1_000, 12), bond("s2", -1_000)]), 200).lossFloor).toBeCloseTo(240, 9);
  });

  it("leaves everything unknown when a rates position has no spot", () => {
    const r = rateShock(book([bond("b1", 1_000, 5), bond("gbp", 10, 5, { currency: "GBP" }), { ...equity, currency: "AUD" }]), 200);
    expect(r).toMatchObject({ grossValue: null, loss: null, ratio: null, lossFloor: null, missingSpot: [1], complete: false });
  });
});
