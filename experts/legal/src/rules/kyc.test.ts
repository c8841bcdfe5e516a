import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase, type CaseInput, type LocalizedText } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { english, japaneseForm, japanese } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema, type LegalPolicy } from "../legal-policy.js";
import { caseParties } from "../parties.js";
import { applyKycRule } from "./kyc.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-KYC"];
const dataGap = (fields: string[], message: LocalizedText): ExpertFinding => {
  const ja = japaneseForm({ en: "Data gap", ja: "データ不足" }, message);
  return { ruleId: "DATA-GAP", severity: "medium", title: "Data gap", message: english(message), metrics: {}, citations: [], fields, ...(ja ? { ja } : {}) };
};

type Role = "borrower" | "guarantor" | "target" | "seller" | "other";
const cp = (name: string, kyc?: "complete" | "pending" | "failed", role: Role = "target") => ({ name, country: "JP", role, ...(kyc ? { kyc } : {}) });
const run = (caseInput: CaseInput, r: LegalPolicy["rules"]["LEG-KYC"] = rule) =>
  applyKycRule({ parties: caseParties(parseCase({ asOf: "2026-11-30", ...caseInput })), rule: r, dataGap });

describe("LEG-KYC", () => {
  it("passes when every party's KYC is complete", () => {
    const out = run({ borrower: { name: "B", country: "JP", kyc: "complete" }, counterparties: [cp("A", "complete")] });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ kycFailed: 0, kycPending: 0, kycMissing: 0 });
  });

  it("is medium for a pending KYC (a condition precedent to signing, not a reason to escalate)", () => {
    const out = run({ counterparties: [cp("A", "complete"), cp("B", "pending")] });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      ruleId: "LEG-KYC",
      severity: "medium",
      condition: english(rule.condition),
      citations: [{ document: "legal/compliance-policy.md", section: "Know your customer (LEG-KYC)" }],
      fields: ["counterparties[1].kyc"],
    });
    expect(out.findings[0]?.metrics).toEqual({ kycFailed: 0, kycPending: 1, kycMissing: 0 });
    expect(out.findings[0]?.message).toBe("KYC is not complete for every party — KYC pending: B (target, JP).");
  });

  it("reports a pending KYC at whatever the policy says (v1's high, inline)", () => {
    expect(run({ counterparties: [cp("B", "pending")] }, { ...rule, pending: "high" }).findings[0]?.severity).toBe("high");
  });

  it("is critical for a failed KYC, in either case form", () => {
    const out = run({ counterparties: [cp("A", "failed")] });
    expect(out.findings[0]?.severity).toBe("critical");
    expect(out.metrics.kycFailed).toBe(1);
    const record = run({ counterparties: [{ name: "A", country: "JP", role: "target", kyc: { status: "failed", reviewedOn: "2026-11-01" } }] });
    expect(record.findings[0]).toMatchObject({ severity: "critical", fields: ["counterparties[0].kyc"] });
  });

  it("fires at the failed severity for a seller or other party too (a failed check on anyone must be acted on)", () => {
    expect(run({ counterparties: [cp("S", "failed", "seller")] }).findings[0]?.severity).toBe("critical");
    expect(run({ group: { members: [{ name: "P", country: "JP", kyc: "failed" }] } }).findings[0]?.severity).toBe("critical");
  });

  it("reports one finding at the highest level met, naming every party, failed first", () => {
    const out = run({
      counterparties: [cp("A", "pending"), cp("B", "failed", "other"), cp("C", undefined, "seller"), cp("D", "complete"), cp("E", "pending")],
    });
    expect(out.findings).toHaveLength(1);
    const [f] = out.findings;
    expect(f?.severity).toBe("critical");
    expect(f?.metrics).toEqual({ kycFailed: 1, kycPending: 2, kycMissing: 0 });
    expect(f?.message).toBe("KYC is not complete for every party — KYC failed: B (other, JP); KYC pending: A (target, JP) and E (target, JP).");
    expect(f?.fields).toEqual(["counterparties[1].kyc", "counterparties[0].kyc", "counterparties[4].kyc"]);
  });

  it("is a DATA-GAP naming <path>.kyc for a borrower, guarantor or target without KYC", () => {
    const out = run({
      borrower: { name: "B", country: "JP" },
      counterparties: [cp("G", undefined, "guarantor"), cp("T"), cp("OK", "complete")],
    });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ ruleId: "DATA-GAP", fields: ["borrower.kyc", "counterparties[0].kyc", "counterparties[1].kyc"] });
    expect(out.findings[0]?.message).toBe(
      "No KYC record on file — B (borrower, JP), G (guarantor, JP) and T (target, JP); the bank onboards borrowers, guarantors and targets only after KYC.",
    );
    expect(out.metrics).toEqual({ kycFailed: 0, kycPending: 0, kycMissing: 3 });
  });

  it("asks nothing of a seller, an other party or a group member without KYC (screened, not onboarded)", () => {
    const out = run({ counterparties: [cp("S", undefined, "seller"), cp("O", undefined, "other")], group: { members: [{ name: "P", country: "JP" }] } });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({ kycFailed: 0, kycPending: 0, kycMissing: 0 });
  });

  it("reports the rule finding and the gap side by side", () => {
    const out = run({ borrower: { name: "B", country: "JP" }, counterparties: [cp("T", "pending", "target")] });
    expect(out.findings.map((f) => [f.ruleId, f.severity, f.fields])).toEqual([
      ["LEG-KYC", "medium", ["counterparties[0].kyc"]],
      ["DATA-GAP", "medium", ["borrower.kyc"]],
    ]);
  });

  it("holds a differently named borrower counterparty to KYC on its own", () => {
    const out = run({ borrower: { name: "B", country: "JP", kyc: "complete" }, counterparties: [cp("B Holdings", undefined, "borrower")] });
    expect(out.findings.map((f) => [f.ruleId, f.fields])).toEqual([["DATA-GAP", ["counterparties[0].kyc"]]]);
  });

  it("reads the worse status of a borrower listed twice, at the entry that carries it", () => {
    const out = run({ borrower: { name: "B", country: "JP", kyc: "complete" }, counterparties: [{ ...cp("B", "pending"), role: "borrower" }] });
    expect(out.findings.map((f) => [f.ruleId, f.fields])).toEqual([["LEG-KYC", ["counterparties[0].kyc"]]]);
  });

  it("is satisfied for a borrower listed twice when either entry holds the KYC record", () => {
    const out = run({ borrower: { name: "B", country: "JP" }, counterparties: [{ ...cp("B", "complete"), role: "borrower" }] });
    expect(out.findings).toEqual([]);
  });

  it("uses the policy's severities (inline policy)", () => {
    const inline = { ...rule, failed: "high" as const, pending: "low" as const };
    expect(run({ counterparties: [cp("A", "failed")] }, inline).findings[0]?.severity).toBe("high");
    expect(run({ counterparties: [cp("A", "pending")] }, inline).findings[0]?.severity).toBe("low");
    expect(run({ counterparties: [cp("A", "pending"), cp("B", "failed")] }, inline).findings[0]?.severity).toBe("high");
  });
});

describe("LEG-KYC in Japanese", () => {
  it("names the same failed and pending parties, failed first", () => {
    const out = run({
      counterparties: [cp("A", "pending"), cp("B", "failed", "other"), cp("C", undefined, "seller"), cp("D", "complete"), cp("E", "pending")],
    });
    expect(out.findings[0]?.ja).toEqual({
      title: "取引時確認（KYC）",
      message: "取引時確認が完了していない当事者があります。取引時確認不可：B（その他、JP）；取引時確認未了：A（買収対象、JP）、E（買収対象、JP）。",
      condition: japanese(rule.condition),
    });
  });

  it("gives a pending KYC alone in Japanese", () => {
    expect(run({ counterparties: [cp("B", "pending", "guarantor")] }).findings[0]?.ja?.message).toBe(
      "取引時確認が完了していない当事者があります。取引時確認未了：B（保証人、JP）。",
    );
  });

  it("asks for the missing KYC records in Japanese", () => {
    const out = run({ borrower: { name: "B", country: "JP" }, counterparties: [cp("G", undefined, "guarantor"), cp("T")] });
    expect(out.findings[0]?.ja).toEqual({
      title: "データ不足",
      message:
        "取引時確認の記録がありません：B（借り手、JP）、G（保証人、JP）、T（買収対象、JP）。借り手・保証人・買収対象とは取引時確認の完了後に限り取引します。",
    });
  });
});
