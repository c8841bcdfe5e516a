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
    for (const section of ["金利感応度（MKT-RATE）", "集中リスク（MKT-CONC）", "流動性（MKT-LIQ）"]) {
      expect(kb.has("markets/markets-policy.ja.md", section)).toBe(true);
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

  it("retrieves the English rule sections for English questions", () => {
    expect(kb.retrieve("issuer concentration HHI of the bond portfolio", 3).map((h) => h.section)).toContain(
      "Concentration (MKT-CONC)",
    );
    expect(kb.retrieve("average daily traded value liquidity of the positions", 3).map((h) => h.section)).toContain(
      "Liquidity (MKT-LIQ)",
    );
  });
});
