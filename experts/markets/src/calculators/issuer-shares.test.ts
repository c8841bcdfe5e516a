import type { Position } from "@kyocho/core/case";
import { describe, expect, it } from "vitest";
import { bookPositions } from "./book-positions.js";
import { issuerShares } from "./issuer-shares.js";

const book = (positions: Position[]) => bookPositions(positions, "JPY", (c) => (({ USD: 150 }) as Record<string, number>)[c]);
const pos = (id: string, issuer: string, marketValue: number, extra: Partial<Position> = {}): Position => ({
  id,
  issuer,
  kind: "bond",
  marketValue,
  ...extra,
});

describe("issuerShares", () => {
  it("groups two spellings of one issuer, counts the sovereign in the book but not as a name, and measures gross value", () => {
    // Whole-book gross = 300 + 100 + 400 + |−200| + 1 000 (JGB, sovereign) = 2 000: the JGB is in the denominator
    // but has no share of its own. Kanto Power (two spellings) 300 + 100 = 400 / 2 000 = 20%;
    // Minami Shipping 400 / 2 000 = 20%; Nishi Retail swap |−200| / 2 000 = 10%. Shares sum to 50%, the rest is the JGB.
    const result = issuerShares(
      book([
        pos("kp-bond", "Kanto Power", 300),
        pos("kp-eq", " kanto  power", 100, { kind: "equity" }),
        pos("ms-loan", "Minami Shipping", 400, { kind: "loan" }),
        pos("nr-swap", "Nishi Retail", -200, { kind: "swap" }),
        pos("jgb", "Japan Government", 1_000, { sovereign: true }),
      ]),
    );
    expect(result.total).toBe(2_000);
    expect(result.issuers).toEqual([
      { issuerId: "kanto power", issuer: "Kanto Power", grossValue: 400, share: 0.2 },
      { issuerId: "minami shipping", issuer: "Minami Shipping", grossValue: 400, share: 0.2 },
      { issuerId: "nishi retail", issuer: "Nishi Retail", grossValue: 200, share: 0.1 },
    ]);
    expect(result.sovereign).toEqual({ ids: ["jgb"], grossValue: 1_000 });
  });

  it('keeps "Japan Govt" apart from "Japan Government" unless an issuerId joins them', () => {
    const apart = issuerShares(book([pos("a", "Japan Government", 50), pos("b", "Japan Govt", 50)]));
    expect(apart.issuers.map((i) => i.share)).toEqual([0.5, 0.5]);
    const joined = issuerShares(book([pos("a", "Japan Government", 50, { issuerId: "JP-MOF" }), pos("b", "Japan Govt", 50, { issuerId: "JP-MOF" })]));
    expect(joined.issuers).toEqual([{ issuerId: "jp-mof", issuer: "Japan Government", grossValue: 100, share: 1 }]);
  });

  it("counts a short against its issuer by its size, not netted: 300 long and 100 short of Acme is 400 of 1 000", () => {
    const result = issuerShares(book([pos("l", "Acme", 300), pos("s", "Acme", -100), pos("b", "Beta", 600)]));
    expect(result.total).toBe(1_000);
    expect(result.issuers.map((i) => [i.issuer, i.share])).toEqual([
      ["Beta", 0.6],
      ["Acme", 0.4],
    ]);
  });

  it("converts foreign positions at spot: USD 10 × 150 = JPY 1 500 against JPY 500", () => {
    const result = issuerShares(book([pos("u", "US Co", 10, { currency: "USD" }), pos("j", "JP Co", 500)]));
    expect(result.issuers.map((i) => [i.issuer, i.grossValue, i.share])).toEqual([
      ["US Co", 1_500, 0.75],
      ["JP Co", 500, 0.25],
    ]);
  });

  it("has no shares for an empty, zero-value or all-sovereign book", () => {
    expect(issuerShares([])).toEqual({ total: 0, issuers: [], sovereign: { ids: [], grossValue: 0 }, missingSpot: [] });
    expect(issuerShares(book([pos("a", "A", 0)])).issuers).toEqual([]);
    expect(issuerShares(book([pos("g", "MOF", 10, { sovereign: true })])).issuers).toEqual([]);
  });

  it("keeps shares that sum to one without floating-point noise", () => {
    const result = issuerShares(book([pos("a", "A", 0.1), pos("b", "B", 0.2), pos("c", "C", 0.3), pos("d", "D", 0.4)]));
    expect(result.issuers.map((i) => i.share)).toEqual([0.4, 0.3, 0.2, 0.1]);
  });

  it("gives no shares when a non-sovereign position has no spot", () => {
    const result = issuerShares(book([pos("a", "A", 10), pos("g", "UK Co", 10, { currency: "GBP" })]));
    expect(result).toMatchObject({ total: null, issuers: [], missingSpot: [1] });
  });
});
