import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyDscrRule, type DscrFacts } from "./dscr-rule.js";

const reference = referenceLendingPolicy().rules["LEN-DSCR"];
// Debt service 80 existing + 20 new = 100: DSCR = CFADS / 100.
const facts = (cfads: number, extra: Partial<DscrFacts> = {}): DscrFacts => ({
  cfads,
  cfadsFromEbitda: false,
  existingDebtService: 80,
  newDebtService: 20,
  currency: "JPY",
  ...extra,
});

describe("LEN-DSCR with the reference policy", () => {
  it.each([
    [126, undefined],
    [125, undefined], // 1.25, not below
    [124.9, "high"],
    [100, "high"], // 1.00, not below 1
    [99.9, "critical"],
    [-10, "critical"], // negative cash flow
  ])("CFADS %d over debt service 100 → %s", (cfads, severity) => {
    expect(applyDscrRule(reference, facts(cfads))?.severity).toBe(severity);
  });

  it("reports CFADS over the whole debt service, its basis and both languages", () => {
    const finding = applyDscrRule(reference, facts(110))!; // 110 / 100 = 1.10x
    expect(finding.metrics).toMatchObject({ dscr: 1.1, cfads: 110, debtService: 100, existingDebtService: 80, newDebtService: 20, cfadsBasisEbitda: 0 });
    expect(finding.message).toContain("DSCR 1.10x");
    expect(finding.message).toContain("below 1.25");
    expect(finding.ja?.message).toContain("1.10倍");
    expect(finding.ja?.message).toContain("1.25倍未満");
    expect(finding.ja?.title).toBe("債務償還余力（DSCR）");
  });

  it("says when CFADS is EBITDA", () => {
    const finding = applyDscrRule(reference, facts(110, { cfadsFromEbitda: true }))!;
    expect(finding.metrics.cfadsBasisEbitda).toBe(1);
    expect(finding.message).toContain("CFADS taken as EBITDA");
    expect(finding.ja?.message).toContain("EBITDA で代用");
  });

  it("stays silent without debt service (unlimited cover)", () => {
    expect(applyDscrRule(reference, facts(-10, { existingDebtService: 0, newDebtService: 0 }))).toBeUndefined();
  });

  it("reads the thresholds from the policy", () => {
    expect(applyDscrRule(inlineRule([{ atMost: 2, severity: "low" }]), facts(200))?.severity).toBe("low");
    expect(applyDscrRule(inlineRule([{ atMost: 2, severity: "low" }]), facts(201))).toBeUndefined();
  });
});
