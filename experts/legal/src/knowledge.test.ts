import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { legalExpert } from "./legal-expert.js";
import { LegalPolicySchema } from "./legal-policy.js";

interface CitedRule {
  citation: { document: string; section: string };
}

// The legal section of Reference Policy v2. Parsed with the schema when it accepts it; otherwise the rules
// are read as written, which is all this test needs (each rule's citation).
const legalSection = YAML.parse(readFileSync(fileURLToPath(new URL("../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts
  .legal;
const parsed = LegalPolicySchema.safeParse(legalSection);
const rules: Record<string, CitedRule> = parsed.success ? parsed.data.rules : legalSection.rules;
const kb = legalExpert.knowledge;

describe("legal knowledge", () => {
  it("reads every rule of the v2 legal policy", () => {
    expect(Object.keys(rules).sort()).toEqual(
      [
        "LEG-SANC",
        "LEG-SANC-MATCH",
        "LEG-ASF",
        "LEG-KYC",
        "LEG-KYC-REFRESH",
        "LEG-PEP",
        "LEG-LEX",
        "LEG-CLAUSE-SANC",
        "LEG-CLAUSE-COC",
        "LEG-CLAUSE-ASF",
        "LEG-LAW",
      ].sort(),
    );
  });

  it.each(Object.entries(rules))("has the section %s cites", (_id, rule) => {
    expect(rule.citation.document).toBe("legal/compliance-policy.md");
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
    for (const id of Object.keys(rules))
      expect(
        ja.filter((s) => s.includes(`（${id}）`)),
        id,
      ).toHaveLength(1);
  });

  it.each(["Screening evidence and its age", "Vetoes", "Parties screened", "Assessment date (asOf)", "What a model may do"])(
    "explains %s in the English policy",
    (section) => {
      expect(kb.has("legal/compliance-policy.md", section)).toBe(true);
    },
  );

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
    ["取引時確認が未了の場合", "取引時確認"],
    ["反社チェックが未了の取引先", "反社"],
    ["暴排条項がない契約", "暴力団排除条項"],
    ["外国PEPsの厳格な顧客管理", "PEP"],
    ["制裁スクリーニングの潜在的一致", "潜在的一致"],
    ["取引時確認の更新期限", "取引時確認の更新"],
  ])("retrieves a Japanese passage first for %s", (query, topic) => {
    const [first] = kb.retrieve(query, 3);
    expect(first?.document.endsWith(".ja.md")).toBe(true);
    expect(first?.section).toContain(topic);
  });

  it.each([
    ["OFAC SDN sanctioned jurisdiction", "Sanctions screening (LEG-SANC)"],
    ["large exposure Tier 1 capital limit", "Large exposures (LEG-LEX)"],
    ["change of control cross-default term loan", "Cross-default and change of control (LEG-CLAUSE-COC)"],
    ["anti-social forces check yakuza", "Anti-social forces (LEG-ASF)"],
    ["politically exposed person enhanced due diligence", "Politically exposed persons (LEG-PEP)"],
    ["potential match sanctions officer disposition", "Potential sanctions matches (LEG-SANC-MATCH)"],
    ["KYC refresh cycle risk rating", "KYC refresh (LEG-KYC-REFRESH)"],
    ["screening older than 30 days stale", "Screening evidence and its age"],
  ])("retrieves the English passage for %s", (query, section) => {
    const hits = kb.retrieve(query, 3);
    expect(hits.map((h) => h.section)).toContain(section);
    expect(hits.find((h) => h.section === section)?.document).toBe("legal/compliance-policy.md");
  });
});
