import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyDscrRule, type DscrFacts } from "./dscr-rule.js";
import { boundaryCases, thresholdFor } from "../../../../test/helpers/policy-tiers.js";

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
  const high = thresholdFor(reference.tiers, "high");
  const critical = thresholdFor(reference.tiers, "critical");
  const between = (high + critical) / 2;

  // Debt service 0.75 existing + 0.25 new = 1: the DSCR is CFADS itself, exactly.
  it.each([...boundaryCases(reference.tiers), [-10, "critical"] as [number, string]])("DSCR %s → %s, at and around the policy's tiers", (dscr, severity) => {
    expect(applyDscrRule(reference, facts(dscr, { existingDebtService: 0.75, newDebtService: 0.25 }))?.severity).toBe(severity);
  });

  it("reports CFADS over the whole debt service, its basis and both languages", () => {
    const finding = applyDscrRule(reference, facts(between * 100))!; // between the critical and the high tier
    expect(finding.severity).toBe("high");
    expect(finding.metrics).toMatchObject({ cfads: between * 100, debtService: 100, existingDebtService: 80, newDebtService: 20, cfadsBasisEbitda: 0 });
    expect(finding.metrics.dscr).toBeCloseTo(between, 10);
    expect(finding.message).toContain(`DSCR ${between.toFixed(2)}x`);
    expect(finding.message).toContain(`below ${high}`);
    expect(finding.ja?.message).toContain(`${between.toFixed(2)}倍`);
    expect(finding.ja?.message).toContain(`${high}倍未満`);
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
