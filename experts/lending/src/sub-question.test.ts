import { parseCase } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { lendingSubQuestion } from "./sub-question.js";

const c = parseCase({
  borrower: { name: "Sakura Foods", country: "JP" },
  facility: { type: "term_loan", amount: 120_000_000, currency: "USD", tenorYears: 7, rate: 0.06, amortization: "linear" },
});

describe("lendingSubQuestion", () => {
  it("keeps the user's question and adds the lending ask, in English", () => {
    const q = lendingSubQuestion("Can we lend USD 120m to buy Target Inc?", c);
    expect(q.startsWith("Can we lend USD 120m to buy Target Inc?")).toBe(true);
    expect(q).toContain("Sakura Foods");
    expect(q).toContain("USD 120,000,000");
    expect(q).toContain("leverage");
  });

  it("answers in Japanese for a Japanese question", () => {
    const q = lendingSubQuestion("この買収資金を融資できますか？", c);
    expect(q).toContain("与信の観点");
    expect(q).toContain("レバレッジ");
    expect(q).toContain("Sakura Foods向け");
    expect(q).toContain("期日一括返済");
    // LTV is the loan's ratio, 担保掛目 the collateral's: never one as the other's gloss.
    expect(q).not.toContain("LTV（担保掛目）");
  });

  it("falls back to the case question, then to a template", () => {
    expect(lendingSubQuestion("", { ...c, question: "返済は大丈夫？" })).toContain("与信の観点");
    expect(lendingSubQuestion("", undefined)).toMatch(/^Lending view: assess leverage/);
  });
});
