import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase } from "@kyocho/core";
import { english, japanese } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema, type LegalPolicy } from "../legal-policy.js";
import { applyGoverningLawRule } from "./governing-law.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-LAW"];
const facility = { type: "revolver", amount: 1e9, currency: "JPY", tenorYears: 3, rate: 0.02, amortization: "bullet" };

const run = (caseInput: object, approved: readonly string[] = reference.approvedGoverningLaws, r: LegalPolicy["rules"]["LEG-LAW"] = rule) =>
  applyGoverningLawRule({ c: parseCase(caseInput), approvedGoverningLaws: approved, rule: r });

describe("LEG-LAW", () => {
  it.each(["JP", "NY", "EN", "SG"])("passes approved law %s", (law) => {
    const out = run({ contract: { governingLaw: law } });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ governingLawApproved: 1 });
  });

  it("is medium for a law not on the list", () => {
    const out = run({ contract: { governingLaw: "DE" } });
    expect(out.findings[0]).toMatchObject({
      ruleId: "LEG-LAW",
      severity: "medium",
      condition: english(rule.condition),
      citations: [{ document: "legal/compliance-policy.md", section: "Governing law (LEG-LAW)" }],
      fields: ["contract.governingLaw"],
      metrics: { governingLawApproved: 0 },
    });
    expect(out.findings[0]?.message).toContain("Governing law DE is not on the approved list (JP, NY, EN, SG)");
  });

  it("is medium for a contract without a governing law", () => {
    const out = run({ contract: { clauses: ["sanctions"] } });
    expect(out.findings[0]?.severity).toBe("medium");
    expect(out.findings[0]?.message).toContain("No governing law");
  });

  it("is medium for a facility without a contract", () => {
    expect(run({ facility }).findings[0]?.severity).toBe("medium");
  });

  it("is skipped with counterparties only (no agreement to govern yet)", () => {
    const out = run({ counterparties: [{ name: "A", country: "US", role: "borrower" }] });
    expect(out.findings).toEqual([]);
    expect(out.notes[0]).toContain("LEG-LAW skipped");
  });

  it("accepts a lower-case code", () => {
    expect(run({ contract: { governingLaw: "ny" } }).findings).toEqual([]);
  });

  it("follows the policy's list and severity (inline policy)", () => {
    expect(run({ contract: { governingLaw: "DE" } }, ["DE"], { ...rule, severity: "high" }).findings).toEqual([]);
    expect(run({ contract: { governingLaw: "JP" } }, ["DE"], { ...rule, severity: "high" }).findings[0]?.severity).toBe("high");
  });
});

describe("LEG-LAW in Japanese", () => {
  it("names the same law and approved list", () => {
    const f = run({ contract: { governingLaw: "DE" } }).findings[0];
    expect(f?.ja).toEqual({
      title: "準拠法",
      message: "準拠法DEは承認済みの準拠法（JP、NY、EN、SG）に含まれていません。",
      condition: japanese(rule.condition),
    });
  });

  it("says in Japanese that no governing law is stated", () => {
    expect(run({ facility }).findings[0]?.ja?.message).toBe("契約に準拠法の定めがありません（承認済み：JP、NY、EN、SG）。");
    expect(run({ contract: {} }, ["NY"]).findings[0]?.ja?.message).toBe("契約に準拠法の定めがありません（承認済み：NY）。");
  });
});
