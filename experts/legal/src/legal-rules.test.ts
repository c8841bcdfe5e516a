import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase, type ExpertFinding } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema } from "./legal-policy.js";
import { applyLegalRules, hasLegalData } from "./legal-rules.js";

const policy = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../graphs/policies/reference-v1.yaml", import.meta.url)), "utf8")).experts.legal,
);
const dataGap = (fields: string[], message: string): ExpertFinding => ({
  ruleId: "DATA-GAP", severity: "medium", title: "Data gap", message, metrics: {}, citations: [], fields,
});

describe("hasLegalData", () => {
  it("is true for counterparties, a contract or a facility", () => {
    expect(hasLegalData(parseCase({ counterparties: [{ name: "A", country: "JP", role: "other" }] }))).toBe(true);
    expect(hasLegalData(parseCase({ contract: {} }))).toBe(true);
    expect(hasLegalData(parseCase({ facility: { type: "bond", amount: 1, currency: "JPY", tenorYears: 1, rate: 0, amortization: "bullet" } }))).toBe(true);
  });
  it("is false otherwise", () => {
    expect(hasLegalData(undefined)).toBe(false);
    expect(hasLegalData(parseCase({ counterparties: [] }))).toBe(false);
    expect(hasLegalData(parseCase({ borrower: { name: "A", country: "IR" } }))).toBe(false);
  });
});

describe("applyLegalRules", () => {
  it("without a case: one DATA-GAP naming counterparties and contract", () => {
    const out = applyLegalRules(undefined, policy, dataGap);
    expect(out.findings.map((f) => [f.ruleId, f.fields])).toEqual([["DATA-GAP", ["counterparties", "contract"]]]);
    expect(out.metrics).toEqual({});
  });

  it("applies every rule in policy order on a case that breaks them all", () => {
    const out = applyLegalRules(
      parseCase({
        borrower: { name: "B", country: "JP" },
        counterparties: [{ name: "S", country: "SY", role: "seller", kyc: "failed" }],
        facility: { type: "term_loan", amount: 3e12, currency: "JPY", tenorYears: 8, rate: 0.01, amortization: "linear" },
        contract: { governingLaw: "XX", clauses: [] },
      }),
      policy,
      dataGap,
    );
    expect(out.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual([
      "LEG-SANC:critical", "LEG-KYC:critical", "LEG-LEX:critical", "LEG-CLAUSE-SANC:high", "LEG-CLAUSE-COC:medium", "LEG-LAW:medium",
    ]);
    expect(out.metrics).toMatchObject({ counterpartyCount: 2, kycFailed: 1, kycMissing: 1, largeExposureRatio: 0.3 });
  });
});
