import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { legalExpert } from "./legal-expert.js";
import { LegalPolicySchema } from "./legal-policy.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../graphs/policies/reference-v1.yaml", import.meta.url)), "utf8")).experts.legal,
);
const kb = legalExpert.knowledge;

describe("legal knowledge", () => {
  it.each(Object.entries(reference.rules))("has the section %s cites", (_id, rule) => {
    expect(kb.has(rule.citation.document, rule.citation.section)).toBe(true);
  });

  it("ships the policy, procedures and glossary in English and Japanese", () => {
    const documents = new Set(kb.passages.map((p) => p.document));
    for (const doc of ["compliance-policy", "procedures", "glossary"]) {
      expect(documents).toContain(`legal/${doc}.md`);
      expect(documents).toContain(`legal/${doc}.ja.md`);
    }
  });

  it("has one Japanese policy section per rule", () => {
    const ja = kb.passages.filter((p) => p.document === "legal/compliance-policy.ja.md").map((p) => p.section);
    for (const id of Object.keys(reference.rules)) expect(ja.some((s) => s.includes(`（${id}）`))).toBe(true);
  });

  it.each([
    ["制裁対象国の取引相手はどう扱うか", "制裁"],
    ["本人確認が未了の場合", "本人確認"],
    ["大口信用供与規制の限度を超えるか", "大口信用供与"],
    ["準拠法が承認リストにない場合", "準拠法"],
    ["クロスデフォルト条項がないタームローン", "クロスデフォルト"],
  ])("retrieves a Japanese passage for %s", (query, topic) => {
    const hits = kb.retrieve(query, 3);
    expect(hits[0]?.document.endsWith(".ja.md")).toBe(true);
    expect(hits.some((h) => h.section.includes(topic))).toBe(true);
  });

  it.each([
    ["OFAC SDN sanctioned jurisdiction", "Sanctions screening (LEG-SANC)"],
    ["large exposure Tier 1 capital limit", "Large exposures (LEG-LEX)"],
    ["change of control cross-default term loan", "Cross-default and change of control (LEG-CLAUSE-COC)"],
  ])("retrieves the English passage for %s", (query, section) => {
    expect(kb.retrieve(query, 3).map((h) => h.section)).toContain(section);
  });
});
