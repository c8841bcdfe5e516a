import { describe, expect, it } from "vitest";
import { referenceMarketsPolicy } from "../test-support/reference-policy.js";
import { loadMarketsKnowledge } from "./markets-knowledge.js";

const kb = loadMarketsKnowledge();

describe("markets knowledge", () => {
  it("has a section for every citation of the markets policy", () => {
    const rules = Object.entries(referenceMarketsPolicy().rules);
    expect(rules).toHaveLength(3);
    for (const [ruleId, rule] of rules) {
      expect(kb.has(rule.citation.document, rule.citation.section), `${ruleId} → ${rule.citation.section}`).toBe(true);
    }
  });

  it("ships English and Japanese policy, procedures and glossary", () => {
    const documents = new Set(kb.passages.map((p) => p.document));
    for (const doc of ["markets-policy", "markets-procedures", "markets-glossary"]) {
      expect(documents).toContain(`markets/${doc}.md`);
      expect(documents).toContain(`markets/${doc}.ja.md`);
    }
    for (const section of ["金利感応度（MKT-RATE）", "集中リスク（MKT-CONC）", "流動性（MKT-LIQ）", "通貨と直物レート", "計算例"]) {
      expect(kb.has("markets/markets-policy.ja.md", section), section).toBe(true);
    }
    for (const section of ["Currencies and spot", "Worked example"]) {
      expect(kb.has("markets/markets-policy.md", section), section).toBe(true);
    }
    for (const section of ["Net DV01", "Pay-fixed swap", "Issuer and issuerId", "Sovereign position", "Gross exposure"]) {
      expect(kb.has("markets/markets-glossary.md", section), section).toBe(true);
    }
    for (const section of ["ネット DV01", "固定払いスワップ", "発行体と issuerId", "ソブリンのポジション", "グロスのエクスポージャー"]) {
      expect(kb.has("markets/markets-glossary.ja.md", section), section).toBe(true);
    }
  });

  it("explains the v2 measures in both languages: signed DV01 either way, issuerId, sovereigns, the ADV gap", () => {
    const text = (document: string, section: string) =>
      kb.passages
        .filter((p) => p.document === document && p.section === section)
        .map((p) => p.text)
        .join("\n");
    const rate = text("markets/markets-policy.md", "Rate sensitivity (MKT-RATE)");
    expect(rate).toContain("max(net DV01 · shockBp, −net DV01 · shockBp)");
    expect(rate).toContain("pay-fixed swap");
    const conc = text("markets/markets-policy.md", "Concentration (MKT-CONC)");
    expect(conc).toMatch(/issuerId/);
    expect(conc).toMatch(/sovereign: true/);
    expect(conc).toMatch(/gross value/);
    expect(conc).toContain("never as a single name");
    expect(conc).toContain("whole book, sovereigns included");
    expect(text("markets/markets-policy.md", "Liquidity (MKT-LIQ)")).toContain("markets.positions[i].adv");
    expect(text("markets/markets-policy.ja.md", "金利感応度（MKT-RATE）")).toContain("max(ネット DV01 × shockBp, −ネット DV01 × shockBp)");
    const concJa = text("markets/markets-policy.ja.md", "集中リスク（MKT-CONC）");
    expect(concJa).toContain("ソブリンの扱い（分母には含め、単一発行体としては数えない）");
    expect(concJa).toContain("含むブック全体の Σ|時価|");
    expect(text("markets/markets-policy.ja.md", "流動性（MKT-LIQ）")).toContain("markets.positions[i].adv");
  });

  it("has a worked example whose figures are the ones the expert computes (markets-expert.test: the rates desk)", () => {
    for (const [document, section] of [
      ["markets/markets-policy.md", "Worked example"],
      ["markets/markets-policy.ja.md", "計算例"],
    ] as const) {
      const example = kb.passages
        .filter((p) => p.document === document && p.section === section)
        .map((p) => p.text)
        .join("\n");
      // net DV01 17.1; loss 3,420; rates gross 51,000; 6.71%; unhedged 14.69%; whole book 10,000 + 43,000 = 53,000;
      // Kanto Power 8,000 / 53,000 = 15.09%; HHI 665,000 / 2,809 = 236.7 (the figures of the rates desk in markets-expert.test).
      for (const figure of ["17.1", "3,420", "51,000", "6.71%", "14.69%", "53,000", "15.09%", "236.7", "markets.positions[5].adv", "marketData.USD.spot"]) {
        expect(example, `${section}: ${figure}`).toContain(figure);
      }
    }
  });

  it("retrieves a Japanese passage for a Japanese question", () => {
    const hits = kb.retrieve("金利が上昇したら債券のデュレーションでどれだけ損失が出ますか", 3);
    expect(hits[0]?.document).toMatch(/\.ja\.md$/);
    expect(hits.map((h) => h.section)).toContain("金利感応度（MKT-RATE）");
  });

  it("retrieves the Japanese liquidity passage for a question about 売買代金", () => {
    const hits = kb.retrieve("売買代金に比べてポジションが大きすぎて流動性が心配", 3);
    expect(hits[0]?.document).toMatch(/\.ja\.md$/);
    expect(hits.map((h) => h.section)).toContain("流動性（MKT-LIQ）");
  });

  it("retrieves the rate passage for a question about a pay-fixed swap hedge, in either language", () => {
    expect(kb.retrieve("does the pay-fixed swap hedge reduce the DV01 of the bond book", 3).map((h) => h.section)).toContain("Rate sensitivity (MKT-RATE)");
    const hits = kb.retrieve("固定払いスワップで債券の金利リスクをヘッジしたい", 3);
    expect(hits[0]?.document).toMatch(/\.ja\.md$/);
  });

  it("retrieves the English rule sections for English questions", () => {
    expect(kb.retrieve("issuer concentration HHI of the bond portfolio", 3).map((h) => h.section)).toContain("Concentration (MKT-CONC)");
    expect(kb.retrieve("average daily traded value liquidity of the positions", 3).map((h) => h.section)).toContain("Liquidity (MKT-LIQ)");
  });
});
