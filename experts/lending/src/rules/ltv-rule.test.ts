import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyLtvRule } from "./ltv-rule.js";

const reference = referenceLendingPolicy().rules["LEN-LTV"];
const facts = (amount: number, collateralValue = 100) => ({ amount, collateralValue, currency: "USD" });

describe("LEN-LTV with the reference policy", () => {
  it.each([
    [79, undefined],
    [80, undefined],
    [81, "medium"],
    [99, "medium"],
    [100, "medium"],
    [101, "high"],
  ])("amount %d over collateral 100 → %s", (amount, severity) => {
    expect(applyLtvRule(reference, facts(amount))?.severity).toBe(severity);
  });

  it("reports the metrics it used, the condition and citation", () => {
    expect(applyLtvRule(reference, facts(90))).toMatchObject({
      ruleId: "LEN-LTV",
      severity: "medium",
      metrics: { ltv: 0.9, amount: 90, collateralValue: 100 },
      condition: reference.condition,
      citations: [{ document: "lending/credit-policy.md", section: "Loan to value (LEN-LTV)" }],
    });
  });

  it("treats worthless collateral as an unlimited LTV (high, metric null)", () => {
    const finding = applyLtvRule(reference, facts(10, 0))!;
    expect(finding.severity).toBe("high");
    expect(finding.metrics.ltv).toBeNull();
    expect(finding.message).toContain("unlimited");
  });

  it("reports nothing for a zero amount", () => {
    expect(applyLtvRule(reference, facts(0, 0))).toBeUndefined();
  });
});

describe("LEN-LTV with an inline policy", () => {
  const rule = inlineRule([
    { atLeast: 0.5, severity: "low" },
    { atLeast: 0.6, severity: "critical" },
  ]);
  it.each([
    [49, undefined],
    [50, "low"],
    [51, "low"],
    [59, "low"],
    [60, "critical"],
    [61, "critical"],
  ])("amount %d over collateral 100 → %s", (amount, severity) => {
    expect(applyLtvRule(rule, facts(amount))?.severity).toBe(severity);
  });
});
