import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import type { FxDscrRule } from "../lending-policy.js";
import { applyFxDscrRule, type FxDscrFacts } from "./fx-dscr-rule.js";

const reference = referenceLendingPolicy().rules["LEN-FXDSCR"];
// EBITDA 100, half of revenue in unhedged USD, 20% shock → stressed EBITDA 90; debt service D → stressed DSCR 90 / D.
const facts = (debtService: number, extra: Partial<FxDscrFacts> = {}): FxDscrFacts => ({
  ebitda: 100,
  annualDebtService: debtService,
  newDebtService: 0,
  currency: "JPY",
  foreignRevenueShare: { USD: 0.5, JPY: 0.5 },
  hedgeRatios: {},
  dscrSeverity: undefined,
  ...extra,
});

describe("LEN-FXDSCR with the reference policy, LEN-DSCR silent", () => {
  it.each([
    [71.9, undefined], // 1.2517
    [72, undefined], // 1.25
    [72.1, "high"], // 1.2483
    [89.9, "high"], // 1.0011
    [90, "high"], // 1.0
    [90.1, "critical"], // 0.9989
  ])("debt service %d → %s", (debtService, severity) => {
    expect(applyFxDscrRule(reference, facts(debtService))?.severity).toBe(severity);
  });

  it("reports the stressed figures, hedge ratios and citation", () => {
    const finding = applyFxDscrRule(reference, facts(80, { hedgeRatios: { USD: 0.2 } }))!;
    // unhedged 0.5 · 0.8 = 0.4 → EBITDA 100 · (1 − 0.08) = 92 → DSCR 1.15
    expect(finding).toMatchObject({
      ruleId: "LEN-FXDSCR",
      severity: "high",
      condition: reference.condition,
      citations: [{ document: "lending/credit-policy.md", section: "FX-stressed coverage (LEN-FXDSCR)" }],
    });
    expect(finding.metrics.stressedEbitda).toBeCloseTo(92, 12);
    expect(finding.metrics.fxStressedDscr).toBeCloseTo(1.15, 12);
    expect(finding.metrics.unhedgedForeignShare).toBeCloseTo(0.4, 12);
    expect(finding.metrics["hedgeRatio.USD"]).toBe(0.2);
    expect(finding.metrics["revenueShare.USD"]).toBe(0.5);
    expect(finding.metrics).not.toHaveProperty("hedgeRatio.JPY");
  });
});

describe("LEN-FXDSCR is reported only when strictly worse than LEN-DSCR", () => {
  it("stays silent when the stress gives the same severity as LEN-DSCR", () => {
    expect(applyFxDscrRule(reference, facts(89.9, { dscrSeverity: "high" }))).toBeUndefined();
    expect(applyFxDscrRule(reference, facts(100, { dscrSeverity: "critical" }))).toBeUndefined();
  });

  it("reports critical when LEN-DSCR was high", () => {
    expect(applyFxDscrRule(reference, facts(90.1, { dscrSeverity: "high" }))?.severity).toBe("critical");
  });

  it("reports when LEN-DSCR was below it (none or a lower severity)", () => {
    expect(applyFxDscrRule(reference, facts(75, { dscrSeverity: "low" }))?.severity).toBe("high");
  });
});

describe("LEN-FXDSCR does not apply", () => {
  it("without foreign revenue, or when every share is in F", () => {
    expect(applyFxDscrRule(reference, facts(95, { foreignRevenueShare: {} }))).toBeUndefined();
    expect(applyFxDscrRule(reference, facts(95, { foreignRevenueShare: { JPY: 1 } }))).toBeUndefined();
  });

  it("when the foreign revenue is fully hedged and the unstressed DSCR is fine", () => {
    expect(applyFxDscrRule(reference, facts(72.1, { hedgeRatios: { USD: 1 } }))).toBeUndefined();
  });

  it("without debt service (unlimited cover)", () => {
    expect(applyFxDscrRule(reference, facts(0))).toBeUndefined();
  });
});

describe("LEN-FXDSCR with an inline policy", () => {
  // shock 50% on 100% unhedged USD revenue → stressed EBITDA 50; debt service D → stressed DSCR 50 / D.
  const rule: FxDscrRule = { ...inlineRule([{ atMost: 2, severity: "medium" }]), revenueShock: 0.5 };
  const inline = (debtService: number, dscrSeverity?: "low" | "medium") =>
    facts(debtService, { foreignRevenueShare: { USD: 1 }, dscrSeverity });
  it.each([
    [24.9, undefined],
    [25, "medium"],
    [25.1, "medium"],
  ])("debt service %d → %s", (debtService, severity) => {
    expect(applyFxDscrRule(rule, inline(debtService))?.severity).toBe(severity);
  });

  it("uses the policy's shock and compares with LEN-DSCR's severity", () => {
    expect(applyFxDscrRule(rule, inline(25, "low"))?.metrics.revenueShock).toBe(0.5);
    expect(applyFxDscrRule(rule, inline(25, "medium"))).toBeUndefined();
  });
});
