import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase, type CaseInput } from "@kyocho/core";
import { english, japanese } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema } from "../legal-policy.js";
import { caseParties } from "../parties.js";
import { applyPepRule } from "./pep.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-PEP"];
const run = (caseInput: CaseInput, r = rule) => applyPepRule({ parties: caseParties(parseCase({ asOf: "2026-11-30", ...caseInput })), rule: r });
const withKyc = (kyc: object) => ({ counterparties: [{ name: "Minister Holdings", country: "SG", role: "guarantor", kyc }] }) as CaseInput;

/** Every number of a message (dates, day counts, tenors, field indices), sorted: a Japanese message carries exactly the English one's. */
const numbers = (text: string | undefined) => (text?.match(/\d+/g) ?? []).sort();

describe("LEG-PEP", () => {
  it("is high for a PEP without completed enhanced due diligence", () => {
    const out = run(withKyc({ status: "complete", pep: true }));
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      ruleId: "LEG-PEP",
      severity: "high",
      condition: english(rule.condition),
      citations: [{ document: "legal/compliance-policy.md", section: "Politically exposed persons (LEG-PEP)" }],
      fields: ["counterparties[0].kyc"],
      metrics: { pepWithoutEdd: 1 },
    });
    expect(out.findings[0]?.message).toBe("Politically exposed person without completed enhanced due diligence — Minister Holdings (guarantor, SG).");
  });

  it("is high when eddComplete is false", () => {
    expect(run(withKyc({ status: "complete", pep: true, eddComplete: false })).findings[0]?.severity).toBe("high");
  });

  it("reports nothing for a PEP whose enhanced due diligence is complete", () => {
    const out = run(withKyc({ status: "complete", pep: true, eddComplete: true }));
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ pepWithoutEdd: 0 });
  });

  it("reports nothing without a PEP", () => {
    expect(run(withKyc({ status: "complete", pep: false })).findings).toEqual([]);
    expect(run(withKyc({ status: "complete" })).findings).toEqual([]);
    expect(run(withKyc({ status: "complete", eddComplete: false })).findings).toEqual([]);
    expect(run({ borrower: { name: "A", country: "JP" } }).findings).toEqual([]);
  });

  it("applies whatever the KYC status", () => {
    expect(run(withKyc({ status: "pending", pep: true })).findings).toHaveLength(1);
  });

  it("makes a borrower listed twice a PEP when either entry says pep", () => {
    const out = run({
      borrower: { name: "Acme", country: "JP", kyc: { status: "complete", reviewedOn: "2026-06-01" } },
      counterparties: [{ name: "Acme", country: "JP", role: "borrower", kyc: { status: "complete", reviewedOn: "2026-01-01", pep: true } }],
    });
    expect(out.findings.map((f) => f.ruleId)).toEqual(["LEG-PEP"]);
    expect(out.findings[0]?.message).toContain("Acme (borrower, JP)");
  });

  it("names every open PEP in one finding", () => {
    const out = run({
      borrower: { name: "A", country: "JP", kyc: { status: "complete", pep: true } },
      group: { members: [{ name: "P", country: "JP", kyc: { status: "complete", pep: true } }] },
    });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]?.fields).toEqual(["borrower.kyc", "group.members[0].kyc"]);
    expect(out.findings[0]?.message).toContain("A (borrower, JP) and P (group member, JP)");
  });

  it("uses the policy's severity (inline policy)", () => {
    expect(run(withKyc({ status: "complete", pep: true }), { ...rule, severity: "medium" }).findings[0]?.severity).toBe("medium");
  });
});

describe("LEG-PEP in Japanese", () => {
  it("names the same parties, as 外国PEPs without 厳格な顧客管理", () => {
    const out = run({
      counterparties: [
        { name: "Minister Holdings", country: "SG", role: "guarantor", kyc: { status: "complete", pep: true } },
        { name: "Envoy Trading", country: "AE", role: "seller", kyc: { status: "complete", pep: true, eddComplete: false } },
      ],
    });
    expect(out.findings[0]?.ja).toEqual({
      title: "厳格な顧客管理が未了の外国PEPs",
      message: "外国PEPsに該当し、厳格な顧客管理（EDD）が完了していません：Minister Holdings（保証人、SG）、Envoy Trading（売り手、AE）。",
      condition: japanese(rule.condition),
    });
    expect(numbers(out.findings[0]?.ja?.message)).toEqual(numbers(out.findings[0]?.message));
  });
});
