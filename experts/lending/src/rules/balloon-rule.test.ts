import { describe, expect, it } from "vitest";
import { referenceLendingPolicy } from "../../test-support/reference-policy.js";
import type { BalloonRule } from "../lending-policy.js";
import { applyBalloonRule, type BalloonFacts } from "./balloon-rule.js";

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
  it.each([
    [300, undefined], // 3.00 years, not above 3
    [301, "medium"],
    [600, "medium"], // 6.00
    [601, "high"],
  ])("a 5-year bullet of %d over CFADS 100 → %s", (newDebt, severity) => {
    expect(applyBalloonRule(reference, facts(newDebt))?.severity).toBe(severity);
  });

  it("reports the years of CFADS, in both languages", () => {
    const finding = applyBalloonRule(reference, facts(400))!; // 400 / 100 = 4.00 years
    expect(finding).toMatchObject({
      ruleId: "LEN-BALLOON",
      severity: "medium",
      metrics: { balloonYears: 4, newDebt: 400, cfads: 100, tenorYears: 5 },
      citations: [{ document: "lending/credit-policy.md", section: "Balloon repayment (LEN-BALLOON)" }],
    });
    expect(finding.message).toContain("4.00 years of CFADS");
    expect(finding.message).toContain("above 3 years");
    expect(finding.ja?.message).toContain("4.00年分");
    expect(finding.ja?.message).toContain("3年超");
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
