import { describe, expect, it } from "vitest";
import { referenceLendingPolicy } from "../test-support/reference-policy.js";
import { LENDING_RULE_IDS } from "./lending-policy.js";
import { loadLendingKnowledge } from "./lending-knowledge.js";

const kb = loadLendingKnowledge();

describe("lending knowledge base", () => {
  it.each(LENDING_RULE_IDS)("the citation of %s exists as a section of the English credit policy", (ruleId) => {
    const { citation } = referenceLendingPolicy().rules[ruleId];
    expect(citation.document).toBe("lending/credit-policy.md");
    expect(kb.has(citation.document, citation.section)).toBe(true);
  });

  it("ships English and Japanese policy, procedure and glossary documents", () => {
    const documents = new Set(kb.passages.map((p) => p.document));
    for (const doc of ["credit-policy", "credit-approval-procedure", "glossary"]) {
      expect(documents).toContain(`lending/${doc}.md`);
      expect(documents).toContain(`lending/${doc}.ja.md`);
    }
  });

  it("has a Japanese section for every rule", () => {
    for (const ruleId of LENDING_RULE_IDS) {
      expect(kb.passages.some((p) => p.document === "lending/credit-policy.ja.md" && p.section.includes(ruleId))).toBe(true);
    }
  });

  it("retrieves Japanese passages for a Japanese question", () => {
    const hits = kb.retrieve("財務制限条項に抵触したら返済はどうなりますか", 3);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.document.endsWith(".ja.md")).toBe(true);
  });

  const sectionsFor = (query: string) => kb.retrieve(query, 3).map((c) => `${c.document}#${c.section}`);

  it("retrieves the right Japanese rule section among the top passages", () => {
    expect(sectionsFor("担保掛目が高すぎる")).toContain("lending/credit-policy.ja.md#担保掛目・LTV (LEN-LTV)");
    expect(sectionsFor("為替ストレス 外貨売上 返済余力")).toContain(
      "lending/credit-policy.ja.md#為替ストレス下の返済余力 (LEN-FXDSCR)",
    );
  });

  it("retrieves the right English rule section among the top passages", () => {
    expect(sectionsFor("What DSCR covenant and cash sweep do we need?")).toContain(
      "lending/credit-policy.md#Debt service coverage (LEN-DSCR)",
    );
    expect(sectionsFor("Is the loan to value of the collateral too high?")).toContain(
      "lending/credit-policy.md#Loan to value (LEN-LTV)",
    );
  });
});
