import { describe, expect, it } from "vitest";
import { referenceLendingPolicy } from "../test-support/reference-policy.js";
import { LENDING_RULE_IDS } from "./lending-policy.js";
import { loadLendingKnowledge } from "./lending-knowledge.js";

const kb = loadLendingKnowledge();
const policy = referenceLendingPolicy();
const text = (document: string, section: string) =>
  kb.passages
    .filter((p) => p.document === document && p.section === section)
    .map((p) => p.text)
    .join("\n");
const sectionOf = (document: string, includes: string) => kb.passages.find((p) => p.document === document && p.section.includes(includes))?.section;

describe("lending knowledge base", () => {
  it.each(LENDING_RULE_IDS)("the citation of %s in Reference Policy v2 exists as a section of the English credit policy", (ruleId) => {
    const { citation } = policy.rules[ruleId];
    expect(citation.document).toBe("lending/credit-policy.md");
    expect(kb.has(citation.document, citation.section)).toBe(true);
  });

  it("has the new section on balloon repayment, in English and Japanese", () => {
    expect(kb.has("lending/credit-policy.md", "Balloon repayment (LEN-BALLOON)")).toBe(true);
    expect(sectionOf("lending/credit-policy.ja.md", "LEN-BALLOON")).toContain("期日一括返済");
  });

  it("explains data conflicts in both languages", () => {
    expect(kb.has("lending/credit-policy.md", "Contradictory figures (DATA-CONFLICT)")).toBe(true);
    expect(sectionOf("lending/credit-policy.ja.md", "DATA-CONFLICT")).toBeDefined();
  });

  it("ships English and Japanese policy, procedure and glossary documents", () => {
    const documents = new Set(kb.passages.map((p) => p.document));
    for (const doc of ["credit-policy", "credit-approval-procedure", "glossary"]) {
      expect(documents).toContain(`lending/${doc}.md`);
      expect(documents).toContain(`lending/${doc}.ja.md`);
    }
  });

  it.each(LENDING_RULE_IDS)("has exactly one Japanese section for %s, with a worked example (計算例) in both languages", (ruleId) => {
    const ja = kb.passages.filter((p) => p.document === "lending/credit-policy.ja.md" && p.section.includes(`(${ruleId})`));
    expect(new Set(ja.map((p) => p.section)).size).toBe(1);
    expect(ja.map((p) => p.text).join("\n")).toContain("計算例");
    expect(text("lending/credit-policy.md", policy.rules[ruleId].citation.section)).toContain("Worked example");
  });

  it("quotes the Reference Policy v2 thresholds where the measures changed", () => {
    expect(text("lending/credit-policy.md", "Interest cover (LEN-ICR)")).toContain("below 1.0x is critical");
    expect(text("lending/credit-policy.md", "Loan to value (LEN-LTV)")).toContain(
      "real estate 30%, securities 20%, receivables 30%, equipment 50%, cash 0%, other 50%",
    );
    expect(text("lending/credit-policy.md", "Leverage (LEN-LEV)")).toContain("(pro-forma debt − cash) ÷ EBITDA");
    expect(text("lending/credit-policy.md", "Debt service coverage (LEN-DSCR)")).toContain("CFADS ÷");
    expect(text("lending/credit-policy.md", "FX-stressed coverage (LEN-FXDSCR)")).toContain("(CFADS − fxLoss) ÷ debt service");
  });

  describe("Japanese glossary", () => {
    const glossary = (section: string) => text("lending/glossary.ja.md", section);

    it("defines 元金均等返済 as equal principal repayments, apart from 元利均等返済", () => {
      const entry = glossary("元金均等返済と期日一括返済（ブレット）");
      expect(entry).toContain("同じ額の元本（融資額 ÷ 期間）");
      expect(entry).toContain("返済額は回を追うごとに小さく");
      expect(entry).toContain("元利均等返済（アニュイティ型）とは異なり");
      expect(kb.passages.filter((p) => p.document === "lending/glossary.ja.md").some((p) => /^元利均等/.test(p.section))).toBe(false);
    });

    it("keeps LTV (融資額÷担保評価額) apart from 担保掛目 (1 − haircut)", () => {
      const ltv = glossary("LTV（ローン・トゥ・バリュー）");
      expect(ltv).toContain("融資額 ÷ 担保評価額");
      expect(ltv).toContain("担保掛目とは別物");
      const advance = glossary("担保掛目とヘアカット");
      expect(advance).toContain("担保掛目は 1 − ヘアカット");
      expect(advance).toContain("LTV とは別物");
      // No section treats the two as one.
      for (const p of kb.passages.filter((p) => p.document.endsWith(".ja.md"))) {
        expect(p.section).not.toMatch(/LTV.*担保掛目|担保掛目.*LTV/);
      }
    });
  });

  it("retrieves Japanese passages for a Japanese question", () => {
    const hits = kb.retrieve("財務制限条項に抵触したら返済はどうなりますか", 3);
    expect(hits[0]!.document.endsWith(".ja.md")).toBe(true);
  });

  const sectionsFor = (query: string) => kb.retrieve(query, 3).map((c) => `${c.document}#${c.section}`);

  it("retrieves the right Japanese rule section among the top passages", () => {
    expect(sectionsFor("掛目考慮後のLTVが高すぎる")).toContain("lending/credit-policy.ja.md#LTV・掛目考慮後の担保カバー (LEN-LTV)");
    expect(sectionsFor("為替ストレス後のDSCR 為替損失")).toContain("lending/credit-policy.ja.md#為替ストレス後の DSCR (LEN-FXDSCR)");
    expect(sectionsFor("期日一括返済のバルーンは返済できるか")).toContain("lending/credit-policy.ja.md#期日一括返済・バルーン (LEN-BALLOON)");
  });

  it("retrieves the right English rule section among the top passages", () => {
    expect(sectionsFor("What DSCR covenant and cash sweep do we need?")).toContain("lending/credit-policy.md#Debt service coverage (LEN-DSCR)");
    expect(sectionsFor("Is the loan to value of the collateral too high after haircuts?")).toContain("lending/credit-policy.md#Loan to value (LEN-LTV)");
    expect(sectionsFor("Can the borrower repay the balloon of a bullet bond at maturity?")).toContain(
      "lending/credit-policy.md#Balloon repayment (LEN-BALLOON)",
    );
  });
});
