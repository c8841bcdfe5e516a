import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase } from "@kyocho/core";
import { english, japanese } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema, type LegalPolicy } from "../legal-policy.js";
import { caseParties } from "../parties.js";
import { applySanctionsClauseRule } from "./sanctions-clause.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-CLAUSE-SANC"];

const run = (caseInput: object, r: LegalPolicy["rules"]["LEG-CLAUSE-SANC"] = rule) => {
  const c = parseCase(caseInput);
  return applySanctionsClauseRule({ c, parties: caseParties(c), rule: r });
};
const jp = { name: "Tokyo KK", country: "JP", role: "borrower" };
const us = { name: "Target Inc", country: "US", role: "target" };
const facility = (currency: string) => ({ type: "revolver", amount: 1e9, currency, tenorYears: 3, rate: 0.02, amortization: "bullet" });

describe("LEG-CLAUSE-SANC", () => {
  it("is silent for a domestic deal without the clause", () => {
    const out = run({ counterparties: [jp], facility: facility("JPY"), contract: { clauses: [] } });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ crossBorder: 0, foreignParties: 0, foreignCurrencyFacility: 0, sanctionsClause: 0 });
  });

  it("is high for a foreign party without the clause", () => {
    const out = run({ counterparties: [jp, us], facility: facility("JPY"), contract: { clauses: ["cross_default"] } });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      ruleId: "LEG-CLAUSE-SANC",
      severity: "high",
      condition: english(rule.condition),
      citations: [{ document: "legal/compliance-policy.md", section: "Sanctions clause (LEG-CLAUSE-SANC)" }],
      fields: ["contract.clauses"],
    });
    expect(out.findings[0]?.metrics).toEqual({ crossBorder: 1, foreignParties: 1, foreignCurrencyFacility: 0, sanctionsClause: 0 });
    expect(out.findings[0]?.message).toContain("Target Inc (target, US)");
  });

  it("is high for a foreign-currency facility with only home parties", () => {
    const out = run({ counterparties: [jp], facility: facility("USD") });
    expect(out.findings[0]?.severity).toBe("high");
    expect(out.findings[0]?.message).toContain("facility in USD");
    expect(out.metrics.foreignCurrencyFacility).toBe(1);
  });

  it("is silent for a cross-border deal with the clause", () => {
    const out = run({ counterparties: [jp, us], facility: facility("USD"), contract: { clauses: ["sanctions"] } });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toMatchObject({ crossBorder: 1, sanctionsClause: 1 });
  });

  it("treats a missing contract or clause list as no clauses", () => {
    expect(run({ counterparties: [us] }).findings[0]?.severity).toBe("high");
    expect(run({ counterparties: [us], contract: { governingLaw: "NY" } }).findings[0]?.severity).toBe("high");
  });

  it("applies without a facility, to a contract with cross-border parties", () => {
    expect(run({ counterparties: [jp, us], contract: { clauses: ["mac"] } }).findings).toHaveLength(1);
    expect(run({ counterparties: [jp], contract: { clauses: ["mac"] } }).findings).toEqual([]);
  });

  it("counts the borrower's country (the borrower is always a party)", () => {
    const out = run({ borrower: { name: "Acme", country: "US" }, facility: facility("JPY") });
    expect(out.findings[0]?.severity).toBe("high");
    expect(out.findings[0]?.message).toBe("Cross-border deal (parties outside JP: Acme (borrower, US)) without a sanctions clause.");
  });

  it("counts a foreign member of the borrower's group", () => {
    const out = run({ borrower: { name: "Acme", country: "JP" }, group: { members: [{ name: "Acme Asia", country: "SG" }] }, facility: facility("JPY") });
    expect(out.metrics).toMatchObject({ crossBorder: 1, foreignParties: 1 });
    expect(out.findings[0]?.message).toContain("Acme Asia (group member, SG)");
  });

  it("counts a borrower listed twice with a foreign country once, as one foreign party", () => {
    const out = run({
      borrower: { name: "Acme", country: "JP" },
      counterparties: [{ name: "Acme", country: "US", role: "borrower" }],
      facility: facility("JPY"),
    });
    expect(out.metrics).toMatchObject({ crossBorder: 1, foreignParties: 1 });
    expect(out.findings[0]?.message).toContain("Acme (borrower, JP/US)");
  });

  it("names both reasons when parties and the facility currency are foreign", () => {
    const out = run({ counterparties: [us], facility: facility("USD") });
    expect(out.findings[0]?.message).toBe(
      "Cross-border deal (parties outside JP: Target Inc (target, US); facility in USD, not the base currency JPY) without a sanctions clause.",
    );
  });

  it("uses the bank's home country", () => {
    const bank = { baseCurrency: "USD", homeCountry: "US", tier1Capital: 1e11 };
    expect(run({ bank, counterparties: [us], facility: facility("USD") }).findings).toEqual([]);
    expect(run({ bank, counterparties: [us, jp], facility: facility("USD") }).findings).toHaveLength(1);
  });

  it("uses the policy's severity (inline policy)", () => {
    expect(run({ counterparties: [us] }, { ...rule, severity: "critical" }).findings[0]?.severity).toBe("critical");
  });
});

describe("LEG-CLAUSE-SANC in Japanese", () => {
  it("gives the same home country, foreign parties and currencies", () => {
    const out = run({ counterparties: [jp, us], facility: facility("USD"), contract: { clauses: [] } });
    const f = out.findings[0];
    expect(f?.message).toBe(
      "Cross-border deal (parties outside JP: Target Inc (target, US); facility in USD, not the base currency JPY) without a sanctions clause.",
    );
    expect(f?.ja).toEqual({
      title: "制裁条項の欠如",
      message: "クロスボーダー取引（JP以外に所在する当事者：Target Inc（買収対象、US）；融資通貨USDが当行の基準通貨JPYと異なる）ですが、制裁条項がありません。",
      condition: japanese(rule.condition),
    });
  });

  it("gives a foreign-currency facility alone in Japanese", () => {
    expect(run({ counterparties: [jp], facility: facility("EUR"), contract: { clauses: [] } }).findings[0]?.ja?.message).toBe(
      "クロスボーダー取引（融資通貨EURが当行の基準通貨JPYと異なる）ですが、制裁条項がありません。",
    );
  });
});
