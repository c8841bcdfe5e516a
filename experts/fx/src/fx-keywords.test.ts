import { keywordMatches } from "@kyocho/core/plan";
import { describe, expect, it } from "vitest";
import { FX_KEYWORDS, FX_KEYWORDS_EN, FX_KEYWORDS_JA } from "./fx-keywords.js";

describe("FX keywords", () => {
  it("has at least 25 English and 25 Japanese words, without duplicates", () => {
    expect(FX_KEYWORDS_EN.length).toBeGreaterThanOrEqual(25);
    expect(FX_KEYWORDS_JA.length).toBeGreaterThanOrEqual(25);
    expect(new Set(FX_KEYWORDS).size).toBe(FX_KEYWORDS.length);
    expect(FX_KEYWORDS_EN.every((k) => /^[\x00-\x7f]+$/.test(k))).toBe(true);
    expect(FX_KEYWORDS_JA.every((k) => !/^[\x00-\x7f]+$/.test(k))).toBe(true);
  });

  it.each([
    "Can we lend USD 120m to this borrower to buy that company?",
    "How exposed is the borrower to yen weakness?",
    "Is the dollar revenue hedged with forwards?",
    "What is the FX risk of the deal?",
    "円安が進んだ場合の影響は？",
    "為替予約でどの程度ヘッジされていますか",
    "1億2000万ドルの買収資金を融資できるか",
    "外貨建て借入の通貨スワップの状況は？",
    "Do we have any exposure to yen strength on the Thai subsidiary loan?",
    "Their baht earnings aren't hedged at all.",
    "タイバーツの下落リスクは？",
  ])("routes %s to fx", (question) => {
    expect(FX_KEYWORDS.some((k) => keywordMatches(question, k))).toBe(true);
  });

  it.each(["What is the leverage of the borrower after the loan?", "Is the governing law approved?", "10億円の融資のDSCRは？"])(
    "does not route %s to fx",
    (question) => {
      expect(FX_KEYWORDS.filter((k) => keywordMatches(question, k))).toEqual([]);
    },
  );
});
