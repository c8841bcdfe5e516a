import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase, type CaseInput } from "@kyocho/core";
import { english, japanese } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { sanctionsHits } from "../calculators/sanctions-screen.js";
import { LegalPolicySchema, type LegalPolicy } from "../legal-policy.js";
import { caseParties, type Party } from "../parties.js";
import { applySanctionsMatchRule } from "./sanctions-match.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-SANC-MATCH"];

/** Runs the rule as applyLegalRules does: the parties LEG-SANC stops are passed in as `sanctioned`. */
const run = (caseInput: CaseInput, r: LegalPolicy["rules"]["LEG-SANC-MATCH"] = rule) => {
  const parties = caseParties(parseCase({ asOf: "2026-11-30", ...caseInput }));
  const sanctioned = new Set<Party>(sanctionsHits(parties, reference.sanctionedJurisdictions).map((h) => h.party));
  return applySanctionsMatchRule({ parties, sanctioned, rule: r });
};
const screened = (result: "clear" | "potential_match" | "hit", lists?: string[]) => ({
  screening: { result, screenedOn: "2026-11-20", ...(lists ? { lists } : {}) },
});

/** Every number of a message (dates, day counts, tenors, field indices), sorted: a Japanese message carries exactly the English one's. */
const numbers = (text: string | undefined) => (text?.match(/\d+/g) ?? []).sort();

describe("LEG-SANC-MATCH", () => {
  it("is high for a potential match, naming its screening field and asking for the officer's disposition", () => {
    const out = run({ counterparties: [{ name: "Gulf Trading", country: "AE", role: "seller", ...screened("potential_match", ["OFAC SDN", "UN"]) }] });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      ruleId: "LEG-SANC-MATCH",
      severity: "high",
      condition: english(rule.condition),
      citations: [{ document: "legal/compliance-policy.md", section: "Potential sanctions matches (LEG-SANC-MATCH)" }],
      fields: ["counterparties[0].screening"],
      metrics: { sanctionsPotentialMatches: 1 },
    });
    expect(out.findings[0]?.message).toBe(
      "Potential sanctions match awaiting disposition — Gulf Trading (seller, AE), screened 2026-11-20 against OFAC SDN, UN.",
    );
    expect(out.findings[0]?.condition).toContain("before anything else");
  });

  it("reports nothing for a clear screening, a hit (LEG-SANC's) or no screening", () => {
    for (const evidence of [screened("clear"), screened("hit"), {}, { sanctionsHit: false }, { sanctionsHit: true }]) {
      const out = run({ borrower: { name: "A", country: "SG", ...evidence } });
      expect(out.findings).toEqual([]);
      expect(out.metrics).toEqual({ sanctionsPotentialMatches: 0 });
    }
  });

  it("is not reported for a party that is already a LEG-SANC hit (its country is sanctioned)", () => {
    const out = run({
      borrower: { name: "Tehran Petro", country: "IR", ...screened("potential_match") },
      counterparties: [{ name: "Gulf Trading", country: "AE", role: "seller", ...screened("potential_match") }],
    });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]?.fields).toEqual(["counterparties[0].screening"]);
    expect(out.findings[0]?.message).not.toContain("Tehran Petro");
    expect(out.metrics).toEqual({ sanctionsPotentialMatches: 1 });
  });

  it("is not reported for a borrower listed twice whose other entry is a hit (the hit stands)", () => {
    const out = run({
      borrower: { name: "Acme", country: "SG", ...screened("potential_match") },
      counterparties: [{ name: "Acme", country: "SG", role: "borrower", screening: { result: "hit", screenedOn: "2025-01-01" } }],
    });
    expect(out.findings).toEqual([]);
  });

  it("lists every open match in one finding, naming the lists screened where given", () => {
    const out = run({
      borrower: { name: "A", country: "SG", ...screened("potential_match") },
      group: { members: [{ name: "P", country: "HK", ...screened("potential_match", ["EU"]) }] },
    });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]?.fields).toEqual(["borrower.screening", "group.members[0].screening"]);
    expect(out.findings[0]?.message).toBe(
      "Potential sanctions match awaiting disposition — A (borrower, SG), screened 2026-11-20 and P (group member, HK), screened 2026-11-20 against EU.",
    );
    expect(out.metrics).toEqual({ sanctionsPotentialMatches: 2 });
  });

  it("uses the policy's severity (inline policy)", () => {
    const out = run({ borrower: { name: "A", country: "SG", ...screened("potential_match") } }, { ...rule, severity: "critical" });
    expect(out.findings[0]?.severity).toBe("critical");
  });
});

describe("LEG-SANC-MATCH in Japanese", () => {
  it("names the same parties, screening dates and lists", () => {
    const out = run({
      counterparties: [
        { name: "Gulf Trading", country: "AE", role: "seller", ...screened("potential_match", ["OFAC SDN", "UN"]) },
        { name: "Target Inc", country: "US", role: "target", ...screened("potential_match") },
      ],
    });
    const f = out.findings[0];
    expect(f?.message).toBe(
      "Potential sanctions match awaiting disposition — Gulf Trading (seller, AE), screened 2026-11-20 against OFAC SDN, UN and Target Inc (target, US), screened 2026-11-20.",
    );
    expect(f?.ja).toEqual({
      title: "制裁リストとの潜在的一致",
      message:
        "制裁リストとの潜在的一致が未処理です。Gulf Trading（売り手、AE）：スクリーニング日 2026-11-20（照合リスト：OFAC SDN、UN）；Target Inc（買収対象、US）：スクリーニング日 2026-11-20。",
      condition: japanese(rule.condition),
    });
    // Two screening dates 2026-11-20 on either side: [11, 11, 20, 20, 2026, 2026].
    expect(numbers(f?.ja?.message)).toEqual(numbers(f?.message));
    expect(numbers(f?.ja?.message)).toEqual(["11", "11", "20", "20", "2026", "2026"]);
  });
});
