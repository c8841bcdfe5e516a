import { parseCase } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { fxSubQuestion, isJapanese } from "./fx-sub-question.js";

const c = parseCase({
  facility: { type: "term_loan", amount: 120, currency: "USD", tenorYears: 5, rate: 0.05, amortization: "bullet" },
  fx: { exposures: [{ currency: "EUR", amount: 10, tenorYears: 1 }] },
});

describe("fxSubQuestion", () => {
  it("keeps the user's English question and names the case's currencies", () => {
    const q = fxSubQuestion("Can we lend USD 120m?", c);
    expect(q).toContain("Can we lend USD 120m?");
    expect(q).toContain("EUR, USD");
    expect(q).toMatch(/hedged/);
    expect(isJapanese(q)).toBe(false);
  });

  it("answers a Japanese question in Japanese", () => {
    const q = fxSubQuestion("この融資の円安リスクは？", c);
    expect(q).toContain("この融資の円安リスクは？");
    expect(q).toContain("EUR・USD");
    expect(q).toContain("ヘッジ");
    expect(isJapanese(q)).toBe(true);
  });

  it("writes a question of its own when none is given or there is no case", () => {
    expect(fxSubQuestion("", undefined)).toMatch(/^how much of the foreign-currency exposure is hedged/);
    expect(fxSubQuestion("  ", c)).toContain("the EUR, USD exposure");
  });
});

describe("isJapanese", () => {
  it("detects kana and kanji", () => {
    expect(isJapanese("為替")).toBe(true);
    expect(isJapanese("ヘッジ")).toBe(true);
    expect(isJapanese("hedge ratio")).toBe(false);
  });
});
