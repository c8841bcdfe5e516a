import { describe, expect, it } from "vitest";
import { referenceLendingPolicy } from "../../test-support/reference-policy.js";
import type { BalloonRule } from "../lending-policy.js";
import { applyBalloonRule, type BalloonFacts } from "./balloon-rule.js";
import { boundaryCases, thresholdFor } from "../../../../test/helpers/policy-tiers.js";

const reference = referenceLendingPolicy().rules["LEN-BALLOON"];
const facts = (newDebt: number, extra: Partial<BalloonFacts> = {}): BalloonFacts => ({
  amortization: "bullet",
  tenorYears: 5,
  newDebt,
  cfads: 100,
  currency: "JPY",
  ...extra,
});

describe("LEN-BALLOON with the reference policy", () => {
  const medium = thresholdFor(reference.tiers, "medium");
  const high = thresholdFor(reference.tiers, "high");
  const between = (medium + high) / 2;
  // A bullet longer than the policy's tenor threshold, so the rule applies.
  const tenorYears = reference.tenorAboveYears + 2;

  // CFADS 1: the balloon in years of CFADS is the new debt itself, exactly.
  it.each(boundaryCases(reference.tiers))("a bullet of %s years of CFADS → %s, at and around the policy's tiers", (years, severity) => {
    expect(applyBalloonRule(reference, facts(years, { cfads: 1, tenorYears }))?.severity).toBe(severity);
  });

  it("reports the years of CFADS, in both languages", () => {
    const finding = applyBalloonRule(reference, facts(between, { cfads: 1, tenorYears }))!;
    expect(finding).toMatchObject({
      ruleId: "LEN-BALLOON",
      severity: "medium",
      metrics: { balloonYears: between, newDebt: between, cfads: 1, tenorYears },
      citations: [{ document: "lending/credit-policy.md", section: "Balloon repayment (LEN-BALLOON)" }],
    });
    expect(finding.message).toContain(`${between.toFixed(2)} years of CFADS`);
    expect(finding.message).toContain(`above ${medium} years`);
    expect(finding.ja?.message).toContain(`${between.toFixed(2)}年分`);
    expect(finding.ja?.message).toContain(`${medium}年超`);
  });

  it.each([0, -20])("CFADS %d is the policy's nonPositiveCfads (high), balloon null", (cfads) => {
    const finding = applyBalloonRule(reference, facts(100, { cfads }))!;
    expect(finding.severity).toBe("high");
    expect(finding.metrics.balloonYears).toBeNull();
  });

  it("applies only to a bullet above the tenor threshold, and a non-zero amount", () => {
    expect(applyBalloonRule(reference, facts(700, { tenorYears: 3 }))).toBeUndefined(); // 3 is not above 3
    expect(applyBalloonRule(reference, facts(700, { tenorYears: 3.5 }))?.severity).toBe("high");
    expect(applyBalloonRule(reference, facts(700, { amortization: "linear" }))).toBeUndefined();
    expect(applyBalloonRule(reference, facts(0, { cfads: -5 }))).toBeUndefined();
  });

  it("reads the tenor threshold and severity from the policy", () => {
    const rule: BalloonRule = { ...reference, tenorAboveYears: 7, nonPositiveCfads: "critical" };
    expect(applyBalloonRule(rule, facts(700))).toBeUndefined(); // 5 years is not above 7
    expect(applyBalloonRule(rule, facts(700, { tenorYears: 8, cfads: 0 }))?.severity).toBe("critical");
  });
});
