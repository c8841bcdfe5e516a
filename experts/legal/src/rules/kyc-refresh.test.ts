import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase, type CaseInput } from "@kyocho/core";
import { english, japanese } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema, type LegalPolicy } from "../legal-policy.js";
import { caseParties } from "../parties.js";
import { applyKycRefreshRule } from "./kyc-refresh.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-KYC-REFRESH"];
const ASOF = "2026-11-30";
const run = (caseInput: CaseInput, r: LegalPolicy["rules"]["LEG-KYC-REFRESH"] = rule, asOf = ASOF) =>
  applyKycRefreshRule({ parties: caseParties(parseCase({ asOf: ASOF, ...caseInput })), asOf, rule: r });
const reviewed = (reviewedOn: string | undefined, riskRating?: "low" | "medium" | "high", status: "complete" | "pending" | "failed" = "complete") => ({
  borrower: { name: "Acme", country: "JP", kyc: { status, ...(reviewedOn ? { reviewedOn } : {}), ...(riskRating ? { riskRating } : {}) } },
});
const due = (caseInput: CaseInput) => run(caseInput).findings.length === 1;

/** Every number of a message (dates, day counts, tenors, field indices), sorted: a Japanese message carries exactly the English one's. */
const numbers = (text: string | undefined) => (text?.match(/\d+/g) ?? []).sort();

describe("LEG-KYC-REFRESH (reference: high 365, medium 730, low 1,095 days)", () => {
  it("reads the reference cycle", () => {
    expect(rule).toMatchObject({ severity: "medium", refreshDays: { high: 365, medium: 730, low: 1095 } });
  });

  it("is due for a high-risk review 366 days before asOf, not 365", () => {
    expect(due(reviewed("2025-11-30", "high"))).toBe(false);
    const out = run(reviewed("2025-11-29", "high"));
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      ruleId: "LEG-KYC-REFRESH",
      severity: "medium",
      condition: english(rule.condition),
      citations: [{ document: "legal/compliance-policy.md", section: "KYC refresh (LEG-KYC-REFRESH)" }],
      fields: ["borrower.kyc"],
      metrics: { kycRefreshDue: 1 },
    });
    expect(out.findings[0]?.message).toBe("KYC review is due for refresh — Acme (borrower, JP): reviewed 2025-11-29, 366 days ago (high-risk cycle 365 days).");
  });

  it("is due for a medium-risk review 731 days before asOf, not 730", () => {
    expect(due(reviewed("2024-11-30", "medium"))).toBe(false);
    expect(run(reviewed("2024-11-29", "medium")).findings[0]?.message).toContain("reviewed 2024-11-29, 731 days ago (medium-risk cycle 730 days)");
  });

  it("is due for a low-risk review 1,096 days before asOf, not 1,095 (the span crosses 2024-02-29)", () => {
    expect(due(reviewed("2023-12-01", "low"))).toBe(false);
    expect(run(reviewed("2023-11-30", "low")).findings[0]?.message).toContain("reviewed 2023-11-30, 1096 days ago (low-risk cycle 1095 days)");
  });

  it("treats a record with no riskRating as high risk (366 days due, 365 not)", () => {
    expect(due(reviewed("2025-11-30"))).toBe(false);
    expect(run(reviewed("2025-11-29")).findings[0]?.message).toContain("(high-risk cycle 365 days)");
  });

  it("is due for a complete KYC with no review date, including the v1 string form kyc: complete", () => {
    const out = run({ counterparties: [{ name: "T", country: "US", role: "target", kyc: "complete" }] });
    expect(out.findings[0]).toMatchObject({ ruleId: "LEG-KYC-REFRESH", fields: ["counterparties[0].kyc"] });
    expect(out.findings[0]?.message).toBe("KYC review is due for refresh — T (target, US): no review date on file.");
    expect(due(reviewed(undefined, "low"))).toBe(true);
  });

  it("never reports a pending or failed KYC, however old (LEG-KYC's business)", () => {
    for (const status of ["pending", "failed"] as const) {
      const out = run(reviewed("2015-01-01", "high", status));
      expect(out.findings).toEqual([]);
      expect(out.metrics).toEqual({ kycRefreshDue: 0 });
    }
    expect(run({ counterparties: [{ name: "T", country: "US", role: "target", kyc: "pending" }] }).findings).toEqual([]);
  });

  it("reports nothing for a party with no KYC record", () => {
    expect(run({ borrower: { name: "Acme", country: "JP" } })).toEqual({ findings: [], metrics: { kycRefreshDue: 0 }, notes: [] });
  });

  it("applies to any party with a complete KYC on file, not only onboarded roles", () => {
    const out = run({
      counterparties: [{ name: "S", country: "DE", role: "seller", kyc: { status: "complete", reviewedOn: "2020-01-01", riskRating: "low" } }],
      group: { members: [{ name: "P", country: "JP", kyc: "complete" }] },
    });
    expect(out.findings[0]?.fields).toEqual(["counterparties[0].kyc", "group.members[0].kyc"]);
    expect(out.metrics).toEqual({ kycRefreshDue: 2 });
  });

  it("follows the policy's cycle and severity, and the date it is given", () => {
    const inline = { ...rule, severity: "high" as const, refreshDays: { high: 30, medium: 60, low: 90 } };
    expect(run(reviewed("2026-10-31", "high"), inline).findings).toEqual([]);
    expect(run(reviewed("2026-10-30", "high"), inline).findings[0]?.severity).toBe("high");
    expect(run(reviewed("2025-11-30", "high"), rule, "2026-12-01").findings).toHaveLength(1);
  });
});

describe("LEG-KYC-REFRESH in Japanese", () => {
  it("gives the same review date, day count and cycle, with the risk rating in Japanese", () => {
    // 2025-11-29 → 2026-11-30: 365 + 1 = 366 days, above the high-risk cycle of 365.
    const out = run({
      ...reviewed("2025-11-29", "high"),
      counterparties: [{ name: "T", country: "US", role: "target", kyc: "complete" }],
    });
    const f = out.findings[0];
    expect(f?.ja).toEqual({
      title: "取引時確認の更新期限",
      message:
        "取引時確認の更新期限を過ぎています。Acme（借り手、JP）：前回確認日 2025-11-29、366日経過（高リスク先の更新周期 365日）；T（買収対象、US）：確認日の記録がありません。",
      condition: japanese(rule.condition),
    });
    expect(numbers(f?.ja?.message)).toEqual(numbers(f?.message));
    expect(numbers(f?.ja?.message)).toEqual(["11", "2025", "29", "365", "366"]);
  });

  it.each([
    ["2024-11-29", "medium", "前回確認日 2024-11-29、731日経過（中リスク先の更新周期 730日）"],
    ["2023-11-30", "low", "前回確認日 2023-11-30、1096日経過（低リスク先の更新周期 1095日）"],
  ] as const)("writes a review of %s at %s risk in Japanese with the English numbers", (date, rating, ja) => {
    const f = run(reviewed(date, rating)).findings[0];
    expect(f?.ja?.message).toContain(ja);
    expect(numbers(f?.ja?.message)).toEqual(numbers(f?.message));
  });
});
