import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { japaneseCounterpart, loadFxKnowledge } from "./fx-knowledge.js";
import { FxPolicySchema } from "./fx-policy.js";

const policy = FxPolicySchema.parse(
  YAML.parse(readFileSync(new URL("../../../graphs/policies/reference-v1.yaml", import.meta.url), "utf8")).experts.fx,
);
const kb = loadFxKnowledge();

describe("FX knowledge base", () => {
  it.each(Object.entries(policy.rules))("has the section %s cites", (_id, rule) => {
    expect(kb.has(rule.citation.document, rule.citation.section)).toBe(true);
  });

  it("ships policy, procedures and glossary in English and Japanese", () => {
    const documents = new Set(kb.passages.map((p) => p.document));
    for (const doc of ["fx-policy", "fx-procedures", "fx-glossary"]) {
      expect(documents).toContain(`fx/${doc}.md`);
      expect(documents).toContain(`fx/${doc}.ja.md`);
    }
    expect(kb.has("fx/fx-policy.md", "Value at risk (10-day, 99%)")).toBe(true);
  });

  it("retrieves a Japanese passage for a Japanese question", () => {
    const hits = kb.retrieve("円安が進むと為替ヘッジが足りない通貨の損失はどうなるか", 3);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.document).toMatch(/\.ja\.md$/);
  });

  it("retrieves the hedge-ratio rule for an English hedge question", () => {
    const hits = kb.retrieve("minimum hedge ratio for a long tenor exposure", 3);
    expect(hits.map((h) => h.section)).toContain("Hedge ratio (FX-HEDGE)");
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
