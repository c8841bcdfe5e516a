import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { screenedParties } from "../counterparties.js";
import { LegalPolicySchema } from "../legal-policy.js";
import { applySanctionsRule } from "./sanctions.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../graphs/policies/reference-v1.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-SANC"];
const citation = { document: "legal/compliance-policy.md", section: "Sanctions screening (LEG-SANC)" };

const run = (caseInput: object, jurisdictions = reference.sanctionedJurisdictions, r = rule) =>
  applySanctionsRule({ parties: screenedParties(parseCase(caseInput)), sanctionedJurisdictions: jurisdictions, rule: r });

describe("LEG-SANC", () => {
  it("passes a clean set of counterparties", () => {
    const out = run({ counterparties: [{ name: "A", country: "JP", role: "borrower" }, { name: "B", country: "US", role: "target" }] });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ counterpartyCount: 2, sanctionedCounterparties: 0 });
  });

  it.each(["CU", "IR", "KP", "SY"])("is critical for a counterparty in %s (reference list)", (country) => {
    const out = run({ counterparties: [{ name: "A", country: "JP", role: "borrower" }, { name: "T", country, role: "target" }] });
    expect(out.findings).toHaveLength(1);
    const [f] = out.findings;
    expect(f).toMatchObject({ ruleId: "LEG-SANC", severity: "critical", citations: [citation], condition: rule.condition, source: "rule" });
    expect(f?.metrics).toEqual({ counterpartyCount: 2, sanctionedCounterparties: 1 });
    expect(f?.fields).toEqual(["counterparties[1].country"]);
    expect(f?.message).toContain(`T (target, ${country})`);
  });

  it("is critical for a screening hit in a non-sanctioned country", () => {
    const out = run({ counterparties: [{ name: "Seller", country: "AE", role: "seller", sanctionsHit: true }] });
    expect(out.findings[0]).toMatchObject({ severity: "critical", fields: ["counterparties[0].sanctionsHit"] });
    expect(out.findings[0]?.message).toContain("flagged by sanctions screening");
  });

  it("ignores sanctionsHit false", () => {
    expect(run({ counterparties: [{ name: "S", country: "AE", role: "seller", sanctionsHit: false }] }).findings).toEqual([]);
  });

  it("reports one finding listing every sanctioned counterparty", () => {
    const out = run({
      counterparties: [
        { name: "A", country: "IR", role: "borrower" },
        { name: "B", country: "JP", role: "guarantor" },
        { name: "C", country: "SG", role: "seller", sanctionsHit: true },
      ],
    });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]?.metrics.sanctionedCounterparties).toBe(2);
    expect(out.findings[0]?.message).toContain("A (borrower, IR)");
    expect(out.findings[0]?.message).toContain("C (seller, SG)");
    expect(out.findings[0]?.fields).toEqual(["counterparties[0].country", "counterparties[2].sanctionsHit"]);
  });

  it("screens the implicit borrower's country", () => {
    const out = run({ borrower: { name: "Pyongyang Trading", country: "KP" }, counterparties: [{ name: "G", country: "JP", role: "guarantor" }] });
    expect(out.findings[0]).toMatchObject({ severity: "critical", fields: ["borrower.country"] });
  });

  it("follows the policy's list and severity (inline policy)", () => {
    const inline = { ...rule, severity: "high" as const };
    const ru = { counterparties: [{ name: "R", country: "RU", role: "borrower" }] };
    expect(run(ru, ["RU"], inline).findings[0]?.severity).toBe("high");
    expect(run({ counterparties: [{ name: "I", country: "IR", role: "borrower" }] }, ["RU"], inline).findings).toEqual([]);
  });
});
