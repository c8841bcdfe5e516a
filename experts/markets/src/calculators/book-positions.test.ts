import type { Position } from "@kyocho/core/case";
import { describe, expect, it } from "vitest";
import { bookPositions, missingSpots, valueInBase } from "./book-positions.js";

const spots: Record<string, number> = { USD: 150, EUR: 160 };
const lookup = (currency: string) => spots[currency];
const pos = (id: string, marketValue: number, currency?: string): Position => ({
  id,
  issuer: "X",
  kind: "bond",
  marketValue,
  ...(currency === undefined ? {} : { currency }),
});

describe("bookPositions", () => {
  it("defaults the currency to the base currency at spot 1, and looks up the others", () => {
    const book = bookPositions([pos("a", 10), pos("b", 10, "USD"), pos("c", 10, "JPY")], "JPY", lookup);
    expect(book.map((p) => [p.index, p.currency, p.spot])).toEqual([
      [0, "JPY", 1],
      [1, "USD", 150],
      [2, "JPY", 1],
    ]);
  });

  it("leaves a currency without a quote undefined, never 1", () => {
    const [p] = bookPositions([pos("a", 10, "GBP")], "JPY", lookup);
    expect(p?.spot).toBeUndefined();
    expect(valueInBase(p!)).toBeUndefined();
  });

  it("converts a negative value at spot: USD −20 × 150 = JPY −3 000", () => {
    const [p] = bookPositions([pos("s", -20, "USD")], "JPY", lookup);
    expect(valueInBase(p!)).toBe(-3_000);
  });

  it("lists each missing currency once with the positions that need it", () => {
    const book = bookPositions([pos("a", 1, "GBP"), pos("b", 1, "USD"), pos("c", 1, "AUD"), pos("d", 1, "GBP")], "JPY", lookup);
    expect(missingSpots(book)).toEqual([
      { currency: "GBP", indices: [0, 3] },
      { currency: "AUD", indices: [2] },
    ]);
  });
});
