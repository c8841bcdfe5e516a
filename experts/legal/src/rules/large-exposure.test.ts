import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCase, type ExpertFinding } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LegalPolicySchema, type LegalPolicy } from "../legal-policy.js";
import { applyLargeExposureRule } from "./large-exposure.js";

const reference = LegalPolicySchema.parse(
  YAML.parse(readFileSync(fileURLToPath(new URL("../../../../graphs/policies/reference-v2.yaml", import.meta.url)), "utf8")).experts.legal,
);
const rule = reference.rules["LEG-LEX"];
const dataGap = (fields: string[], message: string): ExpertFinding => ({
  ruleId: "DATA-GAP", severity: "medium", title: "Data gap", message, metrics: {}, citations: [], fields,
});

// Default bank: JPY base, Tier 1 capital JPY 10tn. USD at 125 makes USD 8bn exactly JPY 1tn (10%).
const facility = (amount: number, currency = "USD", existingExposure = 0) => ({
  type: "term_loan", amount, currency, tenorYears: 5, rate: 0.05, amortization: "bullet", existingExposure,
});
const market = { USD: { spot: 125, vol: 0.1 } };
const run = (caseInput: object, r: LegalPolicy["rules"]["LEG-LEX"] = rule) =>
  applyLargeExposureRule({ c: parseCase(caseInput), rule: r, dataGap });
const severityOf = (caseInput: object, r?: LegalPolicy["rules"]["LEG-LEX"]) => run(caseInput, r).findings[0]?.severity;

describe("LEG-LEX (reference tiers: >= 0.10 medium, > 0.25 critical)", () => {
  it("is silent just below 10%", () => {
    const out = run({ facility: facility(8e9 - 1), marketData: market });
    expect(out.findings).toEqual([]);
    expect(out.metrics.largeExposureRatio).toBeLessThan(0.1);
  });
  it("is medium at exactly 10% (a large exposure)", () => {
    const out = run({ facility: facility(8e9), marketData: market });
    expect(out.metrics).toEqual({ largeExposureRatio: 0.1, groupExposure: 1e12 });
    expect(out.findings[0]).toMatchObject({
      ruleId: "LEG-LEX",
      severity: "medium",
      condition: rule.condition,
      citations: [{ document: "legal/compliance-policy.md", section: "Large exposures (LEG-LEX)" }],
    });
    expect(out.findings[0]?.metrics).toMatchObject({ largeExposureRatio: 0.1, groupExposure: 1e12, spot: 125, tier1Capital: 1e13 });
    expect(out.findings[0]?.message).toContain("10.00% of Tier 1 capital");
  });
  it("is medium just above 10%", () => {
    expect(severityOf({ facility: facility(8e9 + 1), marketData: market })).toBe("medium");
  });
  it("is still medium at exactly 25% (the limit itself is allowed)", () => {
    const out = run({ facility: facility(8e9, "USD", 1.5e12), marketData: market });
    expect(out.metrics.largeExposureRatio).toBe(0.25);
    expect(out.findings[0]?.severity).toBe("medium");
  });
  it("is critical just above 25%, reported once", () => {
    const out = run({ facility: facility(8e9, "USD", 1.5e12 + 1), marketData: market });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]?.severity).toBe("critical");
  });
  it("takes a base-currency facility at spot 1 without market data", () => {
    expect(run({ facility: facility(1e12 - 1, "JPY") }).findings).toEqual([]);
    expect(severityOf({ facility: facility(1e12, "JPY") })).toBe("medium");
    expect(severityOf({ facility: facility(2.5e12 + 1, "JPY") })).toBe("critical");
  });
  it("uses the bank's own Tier 1 capital and base currency", () => {
    const bank = { baseCurrency: "USD", homeCountry: "US", tier1Capital: 100e9 };
    expect(severityOf({ bank, facility: facility(10e9) })).toBe("medium");
    expect(severityOf({ bank, facility: facility(10e9 - 1) })).toBeUndefined();
    // A JPY facility for a USD bank needs the JPY spot (USD per yen).
    expect(severityOf({ bank, facility: facility(5e12, "JPY"), marketData: { JPY: { spot: 0.00625, vol: 0.1 } } })).toBe("critical");
  });
  it("counts the existing exposure even when the new facility is small", () => {
    expect(severityOf({ facility: facility(1, "JPY", 2.6e12) })).toBe("critical");
  });
});

describe("LEG-LEX data gaps and skips", () => {
  it("is a data gap naming the missing spot", () => {
    const out = run({ facility: facility(1e9, "EUR"), marketData: market });
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ ruleId: "DATA-GAP", fields: ["marketData.EUR.spot"] });
    expect(out.findings[0]?.message).toContain("LEG-LEX");
    expect(out.metrics).toEqual({ largeExposureRatio: null, groupExposure: null });
  });
  it("is a data gap with no market data at all", () => {
    expect(run({ facility: facility(1e9, "USD") }).findings[0]?.fields).toEqual(["marketData.USD.spot"]);
  });
  it("is skipped without a facility", () => {
    const out = run({ counterparties: [{ name: "A", country: "JP", role: "borrower" }] });
    expect(out.findings).toEqual([]);
    expect(out.metrics).toEqual({});
    expect(out.notes[0]).toContain("no facility");
  });
});

describe("LEG-LEX with an inline policy", () => {
  const inline: LegalPolicy["rules"]["LEG-LEX"] = {
    ...rule,
    tiers: [
      { atLeast: 0.05, severity: "low" },
      { above: 0.5, severity: "high" },
    ],
  };
  it("applies the inline tiers at their boundaries", () => {
    expect(severityOf({ facility: facility(0.5e12 - 1, "JPY") }, inline)).toBeUndefined();
    expect(severityOf({ facility: facility(0.5e12, "JPY") }, inline)).toBe("low");
    expect(severityOf({ facility: facility(5e12, "JPY") }, inline)).toBe("low");
    expect(severityOf({ facility: facility(5e12 + 1, "JPY") }, inline)).toBe("high");
  });
  it("reports one finding at the higher tier when two are met", () => {
    const out = run({ facility: facility(6e12, "JPY") }, inline);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]?.severity).toBe("high");
  });
});
