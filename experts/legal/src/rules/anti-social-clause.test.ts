import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase, type CaseInput } from "@kyocho/core";
import { english, japanese } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema } from "../legal-policy.js";
import { caseParties } from "../parties.js";
import { applyAntiSocialClauseRule } from "./anti-social-clause.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-CLAUSE-ASF"];
const run = (caseInput: CaseInput, requiredFor: readonly string[] = reference.antiSocialCheck.requiredFor, r = rule) => {
  const c = parseCase(caseInput);
  return applyAntiSocialClauseRule({ c, parties: caseParties(c), requiredFor, rule: r });
};
const jp = { name: "Tokyo KK", country: "JP" };
const us = { name: "Acme Inc", country: "US" };
const facility = { type: "term_loan" as const, amount: 1e9, currency: "JPY", tenorYears: 3, rate: 0.01, amortization: "bullet" as const };

describe("LEG-CLAUSE-ASF", () => {
  it("is high for a contract without the clause when a party is in JP", () => {
    const out = run({ borrower: jp, contract: { governingLaw: "JP", clauses: ["sanctions", "cross_default"] } });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      ruleId: "LEG-CLAUSE-ASF",
      severity: "high",
      condition: english(rule.condition),
      citations: [{ document: "legal/compliance-policy.md", section: "Anti-social-forces clause (LEG-CLAUSE-ASF)" }],
      fields: ["contract.clauses"],
      metrics: { antiSocialClause: 0 },
    });
    expect(out.findings[0]?.message).toBe("The contract has no anti-social-forces clause, required with parties in JP — Tokyo KK (borrower, JP).");
  });

  it("treats a contract with no clause list as lacking the clause", () => {
    expect(run({ borrower: jp, contract: { governingLaw: "JP" } }).findings[0]?.severity).toBe("high");
  });

  it("reports nothing when the contract has the clause", () => {
    const out = run({ borrower: jp, contract: { clauses: ["anti_social_forces"] } });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ antiSocialClause: 1 });
  });

  it("is skipped without a contract, even with a facility", () => {
    const out = run({ borrower: jp, facility });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({});
    expect(out.notes).toEqual(["LEG-CLAUSE-ASF skipped: no contract in the case."]);
  });

  it("reports nothing when only non-JP parties are in the deal", () => {
    const out = run({ borrower: us, counterparties: [{ name: "T", country: "DE", role: "target" }], contract: { clauses: [] } });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ antiSocialClause: 0 });
  });

  it("names only the JP parties, group members included", () => {
    const out = run({
      borrower: us,
      counterparties: [{ name: "T", country: "DE", role: "target" }],
      group: { members: [{ name: "Acme Japan", country: "JP" }] },
      contract: { clauses: [] },
    });
    expect(out.findings[0]?.message).toBe("The contract has no anti-social-forces clause, required with parties in JP — Acme Japan (group member, JP).");
  });

  it("takes requiredFor from the policy", () => {
    expect(run({ borrower: us, contract: { clauses: [] } }, ["US"]).findings).toHaveLength(1);
    expect(run({ borrower: jp, contract: { clauses: [] } }, []).findings).toEqual([]);
  });

  it("uses the policy's severity (inline policy)", () => {
    expect(run({ borrower: jp, contract: { clauses: [] } }, ["JP"], { ...rule, severity: "medium" }).findings[0]?.severity).toBe("medium");
  });
});

describe("LEG-CLAUSE-ASF in Japanese", () => {
  it("names the same countries and parties", () => {
    const out = run(
      {
        borrower: jp,
        counterparties: [
          { name: "Seoul Co", country: "KR", role: "guarantor" },
          { ...us, role: "seller" },
        ],
        contract: { clauses: [] },
      },
      ["JP", "KR"],
    );
    const f = out.findings[0];
    expect(f?.message).toBe(
      "The contract has no anti-social-forces clause, required with parties in JP, KR — Tokyo KK (borrower, JP) and Seoul Co (guarantor, KR).",
    );
    expect(f?.ja).toEqual({
      title: "暴力団排除条項の欠如",
      message: "契約に暴力団排除条項がありません。JP、KRの当事者がいる取引では必須です：Tokyo KK（借り手、JP）、Seoul Co（保証人、KR）。",
      condition: japanese(rule.condition),
    });
  });
});
