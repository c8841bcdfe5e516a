import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyFxDscrRule, type FxDscrFacts } from "./fx-dscr-rule.js";

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
  it.each([
    [0, undefined],
    [5, undefined], // 1.25
    [5.1, "high"],
    [30, "high"], // 1.00
    [30.1, "critical"],
  ])("fxLoss %d → %s", (fxLoss, severity) => {
    expect(applyFxDscrRule(reference, facts(fxLoss))?.severity).toBe(severity);
  });

  it("reports the fx expert's loss and both ratios, in both languages", () => {
    const finding = applyFxDscrRule(reference, facts(20))!; // (130 − 20) / 100 = 1.10x
    expect(finding).toMatchObject({
      ruleId: "LEN-FXDSCR",
      severity: "high",
      metrics: { fxStressedDscr: 1.1, dscr: 1.3, cfads: 130, fxLoss: 20, debtService: 100 },
      citations: [{ document: "lending/credit-policy.md", section: "FX-stressed coverage (LEN-FXDSCR)" }],
    });
    expect(finding.message).toContain("from 1.30x to 1.10x");
    expect(finding.ja?.message).toContain("1.30倍 から 1.10倍");
    expect(finding.ja?.message).toContain("1.25倍未満");
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
