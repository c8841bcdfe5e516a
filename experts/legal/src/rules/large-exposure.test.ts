import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase, type LocalizedText } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema, type LegalPolicy } from "../legal-policy.js";
import { applyLargeExposureRule } from "./large-exposure.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-LEX"];
const dataGap = (fields: string[], message: LocalizedText): ExpertFinding => ({
  ruleId: "DATA-GAP",
  severity: "medium",
  title: "Data gap",
  message: typeof message === "string" ? message : message.en,
  metrics: {},
  citations: [],
  fields,
});

// JPY base, Tier 1 JPY 10tn; USD at 125, so USD 8bn is exactly JPY 1tn (10%).
const bank = { baseCurrency: "JPY", homeCountry: "JP", tier1Capital: 1e13 };
const facility = (amount: number, currency = "USD") => ({ type: "term_loan", amount, currency, tenorYears: 5, rate: 0.05, amortization: "bullet" });
const marketData = { USD: { spot: 125, vol: 0.1 }, EUR: { spot: 160, vol: 0.08 } };
const run = (caseInput: object, r: LegalPolicy["rules"]["LEG-LEX"] = rule) =>
  applyLargeExposureRule({ c: parseCase({ bank, marketData, ...caseInput }), rule: r, dataGap });

describe("LEG-LEX (reference tiers: >= 0.10 medium, > 0.25 critical; ccf commitment 0.5)", () => {
  it("is silent just below 10% and medium at exactly 10%", () => {
    expect(run({ facility: facility(8e9 - 1) }).findings).toEqual([]);
    const out = run({ facility: facility(8e9) });
    expect(out.metrics).toMatchObject({ largeExposureRatio: 0.1, groupExposure: 1e12, facilityExposure: 1e12, existingExposure: 0, marketsExposure: 0 });
    expect(out.findings[0]).toMatchObject({ ruleId: "LEG-LEX", severity: "medium" });
    expect(out.findings[0]!.message).toContain("is 10.00% of Tier 1 capital");
    expect(out.findings[0]!.ja!.message).toContain("Tier 1 資本（10,000,000,000,000 JPY）の 10.00% です");
  });

  it("adds an undrawn commitment at half and a guarantee in full (hand-computed)", () => {
    // facility JPY 1tn + commitment USD 8bn (= JPY 1tn) × 0.5 + guarantee EUR 5bn (= JPY 800bn) × 1 = JPY 2.3tn → 23%.
    const out = run({
      facility: facility(1e12, "JPY"),
      exposures: [
        { kind: "commitment", amount: 8e9, currency: "USD" },
        { kind: "guarantee", amount: 5e9, currency: "EUR" },
      ],
    });
    expect(out.metrics.groupExposure).toBeCloseTo(2.3e12, 0);
    expect(out.metrics.existingExposure).toBeCloseTo(1.3e12, 0);
    expect(out.findings[0]!.severity).toBe("medium");
  });

  it("adds the bank's positions in the group's securities, by absolute value, and only the group's", () => {
    // 1tn + |−0.9tn| (issuerGroup "Sakura  group" matches borrower.group "Sakura Group") + 0.7tn bond = 2.6tn → 26% critical.
    const out = run({
      borrower: { name: "Sakura Precision", country: "JP", group: "Sakura Group" },
      facility: facility(1e12, "JPY"),
      markets: {
        positions: [
          { id: "p1", issuer: "Sakura HD", kind: "bond", marketValue: 7e11, issuerGroup: "Sakura Group" },
          { id: "p2", issuer: "Sakura Finance", kind: "swap", marketValue: -9e11, issuerGroup: " sakura  group " },
          { id: "p3", issuer: "Other KK", kind: "bond", marketValue: 5e12, issuerGroup: "Other" },
        ],
      },
    });
    expect(out.metrics).toMatchObject({ marketsExposure: 1.6e12, groupExposure: 2.6e12 });
    expect(out.metrics.largeExposureRatio).toBeCloseTo(0.26, 12);
    expect(out.findings[0]!.severity).toBe("critical");
  });

  it("counts no positions when the borrower names no group", () => {
    const out = run({
      facility: facility(1e12, "JPY"),
      markets: { positions: [{ id: "p", issuer: "X", kind: "bond", marketValue: 5e12, issuerGroup: "Sakura Group" }] },
    });
    expect(out.metrics.marketsExposure).toBe(0);
  });

  it("is a DATA-GAP without Tier 1 capital, never a default", () => {
    const out = applyLargeExposureRule({ c: parseCase({ marketData, facility: facility(8e9) }), rule, dataGap });
    expect(out.findings).toEqual([expect.objectContaining({ ruleId: "DATA-GAP", fields: ["bank.tier1Capital"] })]);
    expect(out.metrics.largeExposureRatio).toBeNull();
    expect(out.metrics.groupExposure).toBe(1e12);
  });

  it("names every spot it lacks", () => {
    const out = applyLargeExposureRule({
      c: parseCase({ bank, facility: facility(1, "USD"), exposures: [{ kind: "loan", amount: 1, currency: "GBP" }] }),
      rule,
      dataGap,
    });
    expect(out.findings[0]!.fields).toEqual(["marketData.USD.spot", "marketData.GBP.spot"]);
  });

  it("is skipped without a facility", () => {
    expect(run({ exposures: [{ kind: "loan", amount: 9e12, currency: "JPY" }] })).toMatchObject({
      findings: [],
      notes: ["LEG-LEX skipped: no facility in the case."],
    });
  });

  it("takes the conversion factors from the policy", () => {
    const full = { ...rule, ccf: { ...rule.ccf, commitment: 1 } };
    expect(run({ facility: facility(0, "JPY"), exposures: [{ kind: "commitment", amount: 1e12, currency: "JPY" }] }, full).metrics.largeExposureRatio).toBe(
      0.1,
    );
    expect(run({ facility: facility(0, "JPY"), exposures: [{ kind: "commitment", amount: 1e12, currency: "JPY" }] }).metrics.largeExposureRatio).toBe(0.05);
  });
});
