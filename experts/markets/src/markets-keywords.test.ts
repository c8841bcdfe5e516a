import { keywordMatches } from "@kyocho/core/plan";
import { describe, expect, it } from "vitest";
import { MARKETS_KEYWORDS, MARKETS_KEYWORDS_EN, MARKETS_KEYWORDS_JA } from "./markets-keywords.js";

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

describe("markets keywords", () => {
  it("has at least 25 English and 25 Japanese keywords, without duplicates", () => {
    expect(MARKETS_KEYWORDS_EN.length).toBeGreaterThanOrEqual(25);
    expect(MARKETS_KEYWORDS_JA.length).toBeGreaterThanOrEqual(25);
    expect(MARKETS_KEYWORDS_EN.every((k) => !JAPANESE.test(k))).toBe(true);
    expect(MARKETS_KEYWORDS_JA.every((k) => JAPANESE.test(k))).toBe(true);
    expect(new Set(MARKETS_KEYWORDS.map((k) => k.toLowerCase())).size).toBe(MARKETS_KEYWORDS.length);
  });

  it.each([
    "What happens to our trading book if rates rise by 200 basis points?",
    "Is the bond portfolio too concentrated in one issuer?",
    "How long would it take to sell down the underwriting book given ADV?",
    "What is the mark-to-market loss on the JGB holdings?",
    "金利上昇で保有債券の時価はどれだけ下がりますか？",
    "このポートフォリオは発行体に集中していませんか",
    "売買代金に比べて流動性は十分ですか",
    "We hold 40% of the book in one utility's paper — too concentrated?",
    "How liquid are the listed shares we would take as collateral?",
    "上場株式の時価は？",
    "How big is the rate sensitivity of the loans we are warehousing?",
  ])("routes %j to markets", (question) => {
    expect(MARKETS_KEYWORDS.some((k) => keywordMatches(question, k))).toBe(true);
  });

  it.each([
    "Can we lend USD 120m to Acme Holdings to buy that company?",
    "Is the borrower's leverage acceptable and is the FX hedge enough?",
    "取引先の制裁リスクと為替ヘッジを確認してください",
    "What rate does the term loan pay, and does the exchange rate move hurt them?",
  ])("does not route %j to markets", (question) => {
    expect(MARKETS_KEYWORDS.filter((k) => keywordMatches(question, k))).toEqual([]);
  });
});
