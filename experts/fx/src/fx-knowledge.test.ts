import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { japaneseCounterpart, loadFxKnowledge } from "./fx-knowledge.js";
import { FxPolicySchema } from "./fx-policy.js";

const policy = FxPolicySchema.parse(
  YAML.parse(readFileSync(new URL("../../../councils/reference/policies/reference-v2.yaml", import.meta.url), "utf8")).experts.fx,
);
const kb = loadFxKnowledge();
const text = (document: string, section: string) =>
  kb.passages
    .filter((p) => p.document === document && p.section === section)
    .map((p) => p.text)
    .join("\n");

describe("FX knowledge base (Reference Policy v2)", () => {
  it("covers every rule of the v2 fx policy, FX-OVERHEDGE included", () => {
    expect(Object.keys(policy.rules).sort()).toEqual(["FX-HEDGE", "FX-OVERHEDGE", "FX-STRESS", "FX-VOL"]);
  });

  it.each(Object.entries(policy.rules))("has the section %s cites", (_id, rule) => {
    expect(kb.has(rule.citation.document, rule.citation.section)).toBe(true);
  });

  it("ships policy, procedures and glossary in English and Japanese", () => {
    const documents = new Set(kb.passages.map((p) => p.document));
    for (const doc of ["fx-policy", "fx-procedures", "fx-glossary"]) {
      expect(documents).toContain(`fx/${doc}.md`);
      expect(documents).toContain(`fx/${doc}.ja.md`);
    }
    for (const section of ["Scope and measures", "Worked example", "Value at risk (10-day, 99%)", "What the lending review takes from FX"]) {
      expect(kb.has("fx/fx-policy.md", section), section).toBe(true);
    }
    expect(kb.has("fx/fx-policy.ja.md", "計算例")).toBe(true);
    expect(kb.has("fx/fx-policy.ja.md", "過剰ヘッジ (FX-OVERHEDGE)")).toBe(true);
  });

  it("states the worked example's figures as the code computes them (fx-expert.test.ts)", () => {
    const en = text("fx/fx-policy.md", "Worked example");
    for (const figure of ["USD 21.5m", "net −61.5m", "USD 44m", "hedge ratio 44%", "USD 23.5m, 31.3% of CFADS", "≈ USD 5.44m"]) {
      expect(en, figure).toContain(figure);
    }
    const ja = text("fx/fx-policy.ja.md", "計算例");
    for (const figure of ["2,150万米ドル", "−6,150万", "4,400万米ドル", "ヘッジ比率44%", "2,350万米ドル", "31.3%", "544万米ドル"]) {
      expect(ja, figure).toContain(figure);
    }
  });

  it("measures from the borrower's side and calls the cross-volatility stand-in conservative", () => {
    expect(text("fx/fx-policy.md", "Scope and measures")).toContain("borrower's side");
    const vol = text("fx/fx-policy.md", "Volatile currencies (FX-VOL)");
    expect(vol).toContain("max(vol of C, vol of F)");
    expect(vol).toContain("conservative");
    const volJa = text("fx/fx-policy.ja.md", "高ボラティリティ通貨 (FX-VOL)");
    expect(volJa).toContain("保守的な代用値");
  });

  it("retrieves a Japanese passage for a Japanese question", () => {
    const hits = kb.retrieve("円安が進むと為替ヘッジが足りない通貨の損失はどうなるか", 3);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.document).toMatch(/\.ja\.md$/);
  });

  it("retrieves the hedge-ratio and over-hedge rules for English questions", () => {
    expect(kb.retrieve("minimum hedge ratio for a long tenor exposure", 3).map((h) => h.section)).toContain("Hedge ratio (FX-HEDGE)");
    expect(kb.retrieve("hedge larger than the net position, over-hedged forward", 3).map((h) => h.section)).toContain("Over-hedge (FX-OVERHEDGE)");
  });

  it("finds the Japanese counterpart of every rule citation", () => {
    for (const [id, rule] of Object.entries(policy.rules)) {
      const ja = japaneseCounterpart(kb, rule.citation, id);
      expect(ja?.document).toBe("fx/fx-policy.ja.md");
      expect(ja?.section).toContain(`(${id})`);
    }
    expect(japaneseCounterpart(kb, { document: "fx/fx-policy.ja.md", section: "x" }, "FX-HEDGE")).toBeUndefined();
    expect(japaneseCounterpart(kb, { document: "fx/none.md", section: "x" }, "FX-HEDGE")).toBeUndefined();
  });
});
