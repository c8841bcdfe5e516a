import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { screenedParties } from "../counterparties.js";
import { LegalPolicySchema, type LegalPolicy } from "../legal-policy.js";
import { applyKycRule } from "./kyc.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../graphs/policies/reference-v1.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-KYC"];

const cp = (name: string, kyc?: "complete" | "pending" | "failed") => ({ name, country: "JP", role: "other" as const, ...(kyc ? { kyc } : {}) });
const run = (caseInput: object, r: LegalPolicy["rules"]["LEG-KYC"] = rule) =>
  applyKycRule({ parties: screenedParties(parseCase(caseInput)), rule: r });

describe("LEG-KYC", () => {
  it("passes when every counterparty's KYC is complete", () => {
    const out = run({ counterparties: [cp("A", "complete"), { ...cp("B", "complete"), role: "borrower" }] });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ kycFailed: 0, kycPending: 0, kycMissing: 0 });
  });

  it("is high for a pending KYC", () => {
    const out = run({ counterparties: [cp("A", "complete"), cp("B", "pending")] });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      ruleId: "LEG-KYC",
      severity: "high",
      condition: rule.condition,
      citations: [{ document: "legal/compliance-policy.md", section: "Know your customer (LEG-KYC)" }],
      fields: ["counterparties[1].kyc"],
    });
    expect(out.findings[0]?.metrics).toEqual({ kycFailed: 0, kycPending: 1, kycMissing: 0 });
    expect(out.findings[0]?.message).toContain("KYC pending: B (other, JP)");
  });

  it("is high for a missing KYC status (counted as pending)", () => {
    const out = run({ counterparties: [cp("A")] });
    expect(out.findings[0]?.severity).toBe("high");
    expect(out.metrics).toEqual({ kycFailed: 0, kycPending: 1, kycMissing: 1 });
    expect(out.findings[0]?.message).toContain("no KYC status on file: A");
  });

  it("is critical for a failed KYC", () => {
    const out = run({ counterparties: [cp("A", "failed")] });
    expect(out.findings[0]?.severity).toBe("critical");
    expect(out.metrics.kycFailed).toBe(1);
  });

  it("reports one finding at the highest level met, naming every counterparty", () => {
    const out = run({ counterparties: [cp("A", "pending"), cp("B", "failed"), cp("C"), cp("D", "complete")] });
    expect(out.findings).toHaveLength(1);
    const [f] = out.findings;
    expect(f?.severity).toBe("critical");
    expect(f?.metrics).toEqual({ kycFailed: 1, kycPending: 2, kycMissing: 1 });
    expect(f?.message).toMatch(/KYC failed: B .*KYC pending: A .*no KYC status on file: C/);
    expect(f?.fields).toEqual(["counterparties[1].kyc", "counterparties[0].kyc", "counterparties[2].kyc"]);
    expect(f?.message).not.toContain("D (");
  });

  it("holds the implicit borrower to KYC (missing → high)", () => {
    const out = run({ borrower: { name: "Acme", country: "JP" }, counterparties: [cp("T", "complete")] });
    expect(out.findings[0]).toMatchObject({ severity: "high", fields: ["counterparties"] });
    expect(out.findings[0]?.message).toContain("Acme (borrower, JP)");
  });

  it("uses the policy's severities (inline policy)", () => {
    const inline = { ...rule, failed: "high" as const, pending: "medium" as const, missing: "low" as const };
    expect(run({ counterparties: [cp("A", "failed")] }, inline).findings[0]?.severity).toBe("high");
    expect(run({ counterparties: [cp("A", "pending")] }, inline).findings[0]?.severity).toBe("medium");
    expect(run({ counterparties: [cp("A")] }, inline).findings[0]?.severity).toBe("low");
    expect(run({ counterparties: [cp("A"), cp("B", "pending")] }, inline).findings[0]?.severity).toBe("medium");
  });

  it("applies the pending severity to a missing status when the policy sets no `missing`", () => {
    const inline = { ...rule, pending: "medium" as const };
    expect(run({ counterparties: [cp("A")] }, inline).findings[0]?.severity).toBe("medium");
  });
});
