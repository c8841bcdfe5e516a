import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase, type CaseInput } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { dataFindings } from "@kyocho/expert-kit";
import { describe, expect, it } from "vitest";
import { withThresholds } from "../../../test/helpers/policy-tiers.js";
import YAML from "yaml";
import { LegalPolicySchema } from "./legal-policy.js";
import { applyLegalRules, hasLegalData, LEGAL_DATA_FIELDS } from "./legal-rules.js";

// The full cases below are computed by hand against these thresholds (Reference Policy v2's when written), stated
// here so that moving a threshold in the shipped policy file does not break them. The rule tests beside each rule
// read their boundaries from the shipped file.
const policy = LegalPolicySchema.parse(
  withThresholds(
    {
      experts: {
        legal: YAML.parse(readFileSync(fileURLToPath(new URL("../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts
          .legal,
      },
    },
    "legal",
    {
      rules: {
        "LEG-LEX": {
          tiers: [
            { above: 0.25, severity: "critical" },
            { atLeast: 0.1, severity: "medium" },
          ],
        },
      },
    },
  ).experts.legal,
);
const ASOF = "2026-11-30";
// The findings as every expert writes them, at the severities the reference policy gives data findings.
const { dataGap, dataConflict } = dataFindings({ dataGapSeverity: "medium", dataConflictSeverity: "medium" });
const context = { asOf: ASOF, dataGap, dataConflict };
const apply = (input: CaseInput | undefined, asOf = ASOF) =>
  applyLegalRules(input ? parseCase({ asOf: ASOF, ...input }) : undefined, policy, { ...context, asOf });
const summary = (out: { findings: ExpertFinding[] }) => out.findings.map((f) => `${f.ruleId}:${f.severity}:${(f.fields ?? []).join(",")}`);

const facility = { type: "term_loan" as const, amount: 5e9, currency: "JPY", tenorYears: 3, rate: 0.01, amortization: "bullet" as const };
/** The bank's Tier 1 capital: JPY 10trn (v2 has no default; without it LEG-LEX is a DATA-GAP). */
const bank = { tier1Capital: 1e13 };
/** A JP party with every piece of current evidence the v2 rules ask for. */
const clean = {
  screening: { result: "clear" as const, screenedOn: "2026-11-20" },
  kyc: { status: "complete" as const, reviewedOn: "2026-06-01", riskRating: "low" as const },
  antiSocialCheck: { result: "clear" as const, checkedOn: "2026-11-02" },
};

/** Every number of a message (dates, day counts, amounts, field indices), sorted: a Japanese message carries exactly the English one's. */
const numbers = (text: string | undefined) => (text?.match(/\d+/g) ?? []).sort();

describe("hasLegalData", () => {
  it("is true for a borrower alone, a group member alone, a counterparty, a contract or a facility", () => {
    expect(hasLegalData(parseCase({ borrower: { name: "A", country: "JP" } }))).toBe(true);
    expect(hasLegalData(parseCase({ group: { members: [{ name: "P", country: "JP" }] } }))).toBe(true);
    expect(hasLegalData(parseCase({ counterparties: [{ name: "A", country: "JP", role: "other" }] }))).toBe(true);
    expect(hasLegalData(parseCase({ contract: {} }))).toBe(true);
    expect(hasLegalData(parseCase({ facility }))).toBe(true);
  });
  it("is false otherwise", () => {
    expect(hasLegalData(undefined)).toBe(false);
    expect(hasLegalData(parseCase({}))).toBe(false);
    expect(hasLegalData(parseCase({ counterparties: [], group: { members: [] } }))).toBe(false);
    expect(hasLegalData(parseCase({ markets: { positions: [{ id: "p1", issuer: "JGB", kind: "bond", marketValue: 1e9 }] } }))).toBe(false);
  });
});

describe("applyLegalRules", () => {
  it("without a case: one DATA-GAP naming the borrower, counterparties and contract", () => {
    expect(LEGAL_DATA_FIELDS).toEqual(["borrower", "counterparties", "contract"]);
    const out = applyLegalRules(undefined, policy, context);
    expect(out.findings.map((f) => [f.ruleId, f.fields])).toEqual([["DATA-GAP", ["borrower", "counterparties", "contract"]]]);
    expect(out.findings[0]?.ja).toEqual({
      title: "データ不足",
      message:
        "法務・コンプライアンスの判定には、当事者（借り手と取引先。それぞれの制裁スクリーニング、取引時確認、反社チェック）と" +
        "契約（準拠法と条項）が必要です。大口信用供与の上限を確認するには、融資条件（facility）も記載してください。",
    });
    expect(out.metrics).toEqual({});
    expect(out.notes).toEqual([]);
  });

  it("with a case that names nothing legal (markets only): the same DATA-GAP", () => {
    const out = apply({ markets: { positions: [{ id: "p1", issuer: "JGB", kind: "bond", marketValue: 1e9 }] } });
    expect(summary(out)).toEqual(["DATA-GAP:medium:borrower,counterparties,contract"]);
  });

  it("with a contract but no party: a DATA-GAP on the parties, and the contract rules still run", () => {
    const out = apply({ contract: { governingLaw: "DE", clauses: ["sanctions"] } });
    expect(summary(out)).toEqual(["DATA-GAP:medium:borrower,counterparties", "LEG-LAW:medium:contract.governingLaw"]);
    expect(out.findings[0]?.message).toBe("LEG-SANC and LEG-KYC cannot be evaluated: the case names no party to screen.");
    expect(out.findings[0]?.ja?.message).toBe("スクリーニングする当事者が案件に記載されていないため、LEG-SANC と LEG-KYC を判定できません。");
    expect(out.metrics).toMatchObject({ partyCount: 0, governingLawApproved: 0, crossBorder: 0 });
  });

  it("applies every rule, in order, on a case that breaks them all", () => {
    const out = apply({
      borrower: { name: "B", country: "JP", screening: { result: "clear", screenedOn: "2026-11-25" }, kyc: { status: "complete", pep: true } },
      counterparties: [
        { name: "b", country: "US", role: "borrower" },
        { name: "S", country: "SY", role: "seller", kyc: "failed" },
        { name: "M", country: "AE", role: "other", screening: { result: "potential_match", screenedOn: "2026-11-20" } },
        {
          name: "A",
          country: "JP",
          role: "guarantor",
          screening: { result: "clear", screenedOn: "2026-11-25" },
          antiSocialCheck: { result: "hit", checkedOn: "2026-11-01" },
        },
      ],
      facility: { type: "term_loan", amount: 3e12, currency: "JPY", tenorYears: 8, rate: 0.01, amortization: "linear" },
      contract: { governingLaw: "XX", clauses: [] },
      bank,
    });
    expect(summary(out)).toEqual([
      "DATA-CONFLICT:medium:borrower.country,counterparties[0].country",
      "LEG-SANC:critical:counterparties[1].country",
      "LEG-SANC-MATCH:high:counterparties[2].screening",
      "DATA-GAP:medium:counterparties[1].screening",
      "LEG-ASF:critical:counterparties[3].antiSocialCheck",
      "DATA-GAP:medium:borrower.antiSocialCheck",
      "LEG-KYC:critical:counterparties[1].kyc",
      "DATA-GAP:medium:counterparties[3].kyc",
      "LEG-KYC-REFRESH:medium:borrower.kyc",
      "LEG-PEP:high:borrower.kyc",
      "LEG-LEX:critical:facility.amount,bank.tier1Capital",
      "LEG-CLAUSE-SANC:high:contract.clauses",
      "LEG-CLAUSE-COC:medium:contract.clauses",
      "LEG-CLAUSE-ASF:high:contract.clauses",
      "LEG-LAW:medium:contract.governingLaw",
    ]);
    expect(out.metrics).toEqual({
      partyConflicts: 1,
      partyCount: 4,
      sanctionedParties: 1,
      sanctionsPotentialMatches: 1,
      screeningMissing: 1,
      screeningStale: 0,
      antiSocialHits: 1,
      antiSocialChecksMissing: 1,
      kycFailed: 1,
      kycPending: 0,
      kycMissing: 1,
      kycRefreshDue: 1,
      pepWithoutEdd: 1,
      // LEG-LEX: 3trn facility, no other exposure, over 10trn Tier 1 = 0.3.
      facilityExposure: 3e12,
      existingExposure: 0,
      marketsExposure: 0,
      groupExposure: 3e12,
      largeExposureRatio: 0.3,
      crossBorder: 1,
      foreignParties: 3,
      foreignCurrencyFacility: 0,
      sanctionsClause: 0,
      missingRequiredClauses: 2,
      "missingClause.cross_default": 1,
      "missingClause.change_of_control": 1,
      antiSocialClause: 0,
      governingLawApproved: 0,
    });
    expect(out.notes).toEqual([]);
    // A Japanese report reads every one of them in Japanese, with the numbers of the English message.
    for (const f of out.findings) {
      expect(f.ja?.message, f.ruleId).toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u);
      expect(numbers(f.ja?.message), f.ruleId).toEqual(numbers(f.message));
    }
  });

  it("is clean for a domestic deal with current evidence and a complete contract", () => {
    const out = apply({
      borrower: { name: "Osaka KK", country: "JP", ...clean },
      facility,
      contract: { governingLaw: "JP", clauses: ["cross_default", "anti_social_forces"] },
      bank,
    });
    expect(out.findings).toEqual([]);
  });

  it("screens, checks and holds to KYC a borrower alone, and skips the contract rules", () => {
    const out = apply({ borrower: { name: "Acme", country: "JP" } });
    expect(summary(out)).toEqual(["DATA-GAP:medium:borrower.screening", "DATA-GAP:medium:borrower.antiSocialCheck", "DATA-GAP:medium:borrower.kyc"]);
    expect(out.metrics).not.toHaveProperty("crossBorder");
    expect(out.metrics).not.toHaveProperty("governingLawApproved");
    expect(out.metrics).not.toHaveProperty("antiSocialClause");
    expect(out.notes).toEqual(["LEG-LEX skipped: no facility in the case.", "Contract rules skipped: the case has no facility or contract to check."]);
  });

  it("runs no contract rule without a facility or contract, even for a cross-border deal with a JP party", () => {
    const out = apply({ borrower: { name: "Acme", country: "US", ...clean }, counterparties: [{ name: "T", country: "JP", role: "target", ...clean }] });
    expect(out.findings).toEqual([]);
  });

  it("runs the contract rules with a facility alone (LEG-CLAUSE-ASF needs a contract)", () => {
    const out = apply({ borrower: { name: "Acme", country: "US", ...clean }, facility, bank });
    expect(summary(out)).toEqual(["LEG-CLAUSE-SANC:high:contract.clauses", "LEG-LAW:medium:contract.governingLaw"]);
    expect(out.notes).toContain("LEG-CLAUSE-ASF skipped: no contract in the case.");
  });

  it("does not report a potential match for a party that is already a LEG-SANC hit", () => {
    const out = apply({ borrower: { name: "Tehran Petro", country: "IR", ...clean, screening: { result: "potential_match", screenedOn: "2026-11-20" } } });
    expect(out.findings.map((f) => f.ruleId)).toEqual(["LEG-SANC"]);
    expect(out.metrics).toMatchObject({ sanctionedParties: 1, sanctionsPotentialMatches: 0 });
  });

  it("reports a stale hit as both LEG-SANC and a DATA-GAP", () => {
    const out = apply({ borrower: { name: "Acme", country: "SG", ...clean, screening: { result: "hit", screenedOn: "2025-06-01" } } });
    expect(summary(out)).toEqual(["LEG-SANC:critical:borrower.screening", "DATA-GAP:medium:borrower.screening"]);
  });

  it("reads a v1 sanctionsHit: true as a LEG-SANC hit on .sanctionsHit, and asks for a dated .screening", () => {
    const out = apply({ borrower: { name: "Acme", country: "SG", kyc: clean.kyc, sanctionsHit: true } });
    expect(summary(out)).toEqual(["LEG-SANC:critical:borrower.sanctionsHit", "DATA-GAP:medium:borrower.screening"]);
  });

  it("reports a borrower given two countries once as a DATA-CONFLICT, and screens both", () => {
    const out = apply({
      borrower: { name: "Acme", country: "IR", ...clean },
      counterparties: [{ name: "ACME", country: "JP", role: "borrower" }],
    });
    expect(summary(out)).toEqual(["DATA-CONFLICT:medium:borrower.country,counterparties[0].country", "LEG-SANC:critical:borrower.country"]);
    expect(out.metrics).toMatchObject({ partyCount: 1, partyConflicts: 1 });
  });

  it("ages evidence against the context's asOf", () => {
    const input = { borrower: { name: "Acme", country: "JP", ...clean, screening: { result: "clear" as const, screenedOn: "2026-11-01" } } };
    expect(apply(input, "2026-12-01").findings).toEqual([]);
    expect(summary(apply(input, "2026-12-02"))).toEqual(["DATA-GAP:medium:borrower.screening"]);
  });

  it("builds conflicts with dataConflict and gaps with dataGap", () => {
    const out = applyLegalRules(
      parseCase({ borrower: { name: "Acme", country: "JP", ...clean }, counterparties: [{ name: "Acme", country: "US", role: "borrower" }] }),
      policy,
      { asOf: ASOF, dataGap, dataConflict: (fields, message) => ({ ...dataConflict(fields, message), severity: "high" }) },
    );
    expect(summary(out)).toEqual(["DATA-CONFLICT:high:borrower.country,counterparties[0].country"]);
  });
});
