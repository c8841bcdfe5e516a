import { keywordMatches } from "@kyocho/core/plan";
import { describe, expect, it } from "vitest";
import { LENDING_KEYWORDS, LENDING_KEYWORDS_EN, LENDING_KEYWORDS_JA } from "./keywords.js";

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

describe("lending keywords", () => {
  it("has at least 25 English and 25 Japanese keywords, without duplicates", () => {
    expect(LENDING_KEYWORDS_EN.length).toBeGreaterThanOrEqual(25);
    expect(LENDING_KEYWORDS_JA.filter((k) => JAPANESE.test(k)).length).toBeGreaterThanOrEqual(25);
    expect(new Set(LENDING_KEYWORDS).size).toBe(LENDING_KEYWORDS.length);
  });

  it.each([
    "Can we lend USD 120m to this borrower to buy that company?",
    "What covenants should the term loan carry?",
    "Is the refinancing of the bullet at maturity a concern?",
    "How much acquisition finance can they take?",
    "この買収資金を融資できますか？",
    "コベナンツの水準はどう設定すべきか",
    "返済能力に問題はありませんか",
    "稟議に必要な資料は？",
    "What hedge ratio should we require before first drawdown?",
    "Minami Shipping just got downgraded — how exposed are we?",
    "Is post-deal EBITDA enough to cover interest?",
    "Is it wise to finance the vessel purchase?",
    "金利が2%上がったら、借り手の利払いはまだ持ちますか",
    "この会社に30億円貸しても大丈夫ですか？",
  ])("matches a lending question: %s", (question) => {
    expect(LENDING_KEYWORDS.some((k) => keywordMatches(question, k))).toBe(true);
  });

  it.each([
    "Is the counterparty on a sanctions list?",
    "What is the VaR of our yen exposure?",
    "How concentrated is the equity book by issuer?",
    "為替ヘッジ比率は十分ですか",
    "If the euro drops 15%, what happens to the German subsidiary's contribution to group cash flow?",
    "Should we shorten the duration of the JGB portfolio?",
  ])("stays out of a question for another desk: %s", (question) => {
    expect(LENDING_KEYWORDS.filter((k) => keywordMatches(question, k))).toEqual([]);
  });
});
