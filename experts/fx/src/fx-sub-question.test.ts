import { parseCase } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { fxSubQuestion, isJapanese } from "./fx-sub-question.js";

// A JPY earner with EUR revenue and a USD loan: the currencies other than its own, in fxCurrencies order.
const c = parseCase({
  borrower: {
    name: "Sakura Trading",
    country: "JP",
    financials: { currency: "JPY", revenue: 100, ebitda: 20, totalDebt: 0, interestExpense: 0, annualDebtService: 0, foreignRevenueShare: { EUR: 0.2 } },
  },
  facility: { type: "term_loan", amount: 120, currency: "USD", tenorYears: 5, rate: 0.05, amortization: "bullet" },
});

describe("fxSubQuestion", () => {
  it("keeps the user's English question and names the case's currencies", () => {
    const q = fxSubQuestion("Can we lend USD 120m?", c);
    expect(q).toContain("Can we lend USD 120m?");
    expect(q).toContain("EUR, USD");
    expect(q).toMatch(/hedged/);
    expect(q).toContain("currency mismatch");
    expect(q).toContain("cash flow available for debt service");
    expect(isJapanese(q)).toBe(false);
  });

  it("answers a Japanese question in Japanese", () => {
    const q = fxSubQuestion("この融資の円安リスクは？", c);
    expect(q).toContain("この融資の円安リスクは？");
    expect(q).toContain("EUR・USD");
    expect(q).toContain("ヘッジ");
    expect(q).toContain("通貨ミスマッチ");
    expect(q).toContain("債務返済原資（CFADS）");
    expect(isJapanese(q)).toBe(true);
  });

  it("writes a question of its own when none is given or there is no case", () => {
    expect(fxSubQuestion("", undefined)).toMatch(/^how large is the borrower's currency mismatch in the foreign-currency revenue/);
    expect(fxSubQuestion("  ", c)).toContain("the EUR, USD revenue, costs and debt service");
  });
});

describe("isJapanese", () => {
  it("detects kana and kanji", () => {
    expect(isJapanese("為替")).toBe(true);
    expect(isJapanese("ヘッジ")).toBe(true);
    expect(isJapanese("hedge ratio")).toBe(false);
  });
});
