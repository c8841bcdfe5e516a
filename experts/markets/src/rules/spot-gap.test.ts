import type { Position } from "@kyocho/core/case";
import { describe, expect, it } from "vitest";
import { bookPositions } from "../calculators/book-positions.js";
import { spotGaps } from "./spot-gap.js";

const pos = (id: string, currency?: string): Position => ({
  id,
  issuer: "X",
  kind: "bond",
  marketValue: 10,
  ...(currency === undefined ? {} : { currency }),
});

describe("spotGaps", () => {
  it("names marketData.C.spot once per missing currency, with the positions that need it", () => {
    const book = bookPositions([pos("a", "USD"), pos("b"), pos("c", "GBP"), pos("d", "USD"), pos("e", "EUR")], "JPY", (c) => (c === "EUR" ? 160 : undefined));
    expect(spotGaps(book, "JPY")).toEqual([
      {
        fields: ["marketData.USD.spot"],
        message: {
          en: "No spot rate for USD: positions a, d cannot be converted into JPY, so rate sensitivity and issuer concentration are not assessed.",
          ja: "USD の直物レートがないため、ポジション a、d を JPY に換算できず、金利感応度と発行体集中を評価できません。",
        },
      },
      { fields: ["marketData.GBP.spot"], message: expect.objectContaining({ en: expect.stringContaining("position c cannot") }) },
    ]);
  });

  it("is empty when every currency has a spot or is the base", () => {
    expect(
      spotGaps(
        bookPositions([pos("a"), pos("b", "JPY")], "JPY", () => undefined),
        "JPY",
      ),
    ).toEqual([]);
  });
});
