import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyFxDscrRule, type FxDscrFacts } from "./fx-dscr-rule.js";
import { boundaryCases, thresholdFor } from "../../../../test/helpers/policy-tiers.js";

const reference = referenceLendingPolicy().rules["LEN-FXDSCR"];
// CFADS 130, debt service 100 → DSCR 1.30 (no LEN-DSCR finding); stressed (130 − L) / 100.
const facts = (fxLoss: number, extra: Partial<FxDscrFacts> = {}): FxDscrFacts => ({
  cfads: 130,
  fxLoss,
  debtService: 100,
  currency: "JPY",
  dscrSeverity: undefined,
  ...extra,
});

describe("LEN-FXDSCR with the reference policy, LEN-DSCR silent", () => {
  const high = thresholdFor(reference.tiers, "high");
  const critical = thresholdFor(reference.tiers, "critical");

  // Debt service 1, CFADS twice the stressed DSCR s and an fxLoss of s: (2s − s) / 1 = s, exactly.
  it.each(boundaryCases(reference.tiers))("FX-stressed DSCR %s → %s, at and around the policy's tiers", (stressed, severity) => {
    expect(applyFxDscrRule(reference, facts(stressed, { cfads: 2 * stressed, debtService: 1 }))?.severity).toBe(severity);
  });

  it("is silent without an fx loss when the unstressed DSCR meets no tier", () => {
    expect(applyFxDscrRule(reference, facts(0, { cfads: high * 1.1, debtService: 1 }))).toBeUndefined();
  });

  it("reports the fx expert's loss and both ratios, in both languages", () => {
    const dscr = high * 1.04; // no LEN-DSCR finding
    const stressed = (high + critical) / 2;
    const finding = applyFxDscrRule(reference, facts(dscr - stressed, { cfads: dscr, debtService: 1 }))!;
    expect(finding).toMatchObject({
      ruleId: "LEN-FXDSCR",
      severity: "high",
      metrics: { cfads: dscr, debtService: 1 },
      citations: [{ document: "lending/credit-policy.md", section: "FX-stressed coverage (LEN-FXDSCR)" }],
    });
    expect(finding.metrics.fxStressedDscr).toBeCloseTo(stressed, 10);
    expect(finding.metrics.dscr).toBeCloseTo(dscr, 10);
    expect(finding.message).toContain(`from ${dscr.toFixed(2)}x to ${stressed.toFixed(2)}x`);
    expect(finding.ja?.message).toContain(`${dscr.toFixed(2)}倍 から ${stressed.toFixed(2)}倍`);
    expect(finding.ja?.message).toContain(`${high}倍未満`);
  });
});

describe("LEN-FXDSCR is reported only when strictly worse than LEN-DSCR", () => {
  // CFADS 110: DSCR 1.10, LEN-DSCR high.
  it("stays silent at the same severity", () => {
    expect(applyFxDscrRule(reference, facts(5, { cfads: 110, dscrSeverity: "high" }))).toBeUndefined(); // (110 − 5) / 100 = 1.05: high
    expect(applyFxDscrRule(reference, facts(50, { cfads: 90, dscrSeverity: "critical" }))).toBeUndefined(); // 0.40: critical
  });

  it("reports critical when the stress takes a high DSCR below 1.0", () => {
    expect(applyFxDscrRule(reference, facts(10.1, { cfads: 110, dscrSeverity: "high" }))?.severity).toBe("critical"); // 0.999
  });

  it("reports when LEN-DSCR was lower", () => {
    expect(applyFxDscrRule(reference, facts(20, { dscrSeverity: "low" }))?.severity).toBe("high");
  });
});

describe("LEN-FXDSCR does not apply", () => {
  it("without debt service (unlimited cover)", () => {
    expect(applyFxDscrRule(reference, facts(500, { debtService: 0 }))).toBeUndefined();
  });

  it("reads the tiers from the policy", () => {
    expect(applyFxDscrRule(inlineRule([{ atMost: 1.2, severity: "medium" }]), facts(10))?.severity).toBe("medium"); // 1.20
    expect(applyFxDscrRule(inlineRule([{ atMost: 1.2, severity: "medium" }]), facts(9.9))).toBeUndefined(); // 1.201
  });
});
