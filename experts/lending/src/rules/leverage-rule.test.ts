import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import type { LeverageRule } from "../lending-policy.js";
import { applyLeverageRule } from "./leverage-rule.js";

const reference = referenceLendingPolicy().rules["LEN-LEV"];
const facts = (debt: number, ebitda = 100) => ({ totalDebt: debt - 50, facilityAmountInF: 50, ebitda, currency: "JPY" });

describe("LEN-LEV with the reference policy", () => {
  it.each([
    [399, undefined],
    [400, undefined],
    [401, "medium"],
    [599, "medium"],
    [600, "medium"],
    [601, "high"],
  ])("debt %d over EBITDA 100 → %s", (debt, severity) => {
    expect(applyLeverageRule(reference, facts(debt))?.severity).toBe(severity);
  });

  it("reports one finding at the higher tier, with metrics, condition and citation", () => {
    const finding = applyLeverageRule(reference, facts(650))!;
    expect(finding).toMatchObject({
      ruleId: "LEN-LEV",
      severity: "high",
      metrics: { leverage: 6.5, totalDebt: 600, facilityAmountInF: 50, ebitda: 100 },
      condition: reference.condition,
      citations: [{ document: "lending/credit-policy.md", section: "Leverage (LEN-LEV)" }],
      source: "rule",
    });
    expect(finding.message).toContain("6.50x");
    expect(finding.message).toContain("above 6");
  });

  it.each([0, -1, -500])("EBITDA %d is critical, leverage null", (ebitda) => {
    const finding = applyLeverageRule(reference, facts(100, ebitda))!;
    expect(finding.severity).toBe("critical");
    expect(finding.metrics.leverage).toBeNull();
  });

  it("is not critical just above zero EBITDA when leverage is within limits", () => {
    expect(applyLeverageRule(reference, { totalDebt: 0, facilityAmountInF: 0, ebitda: 0.01, currency: "JPY" })).toBeUndefined();
  });
});

describe("LEN-LEV with an inline policy", () => {
  const rule: LeverageRule = {
    ...inlineRule([
      { atLeast: 2, severity: "low" },
      { atLeast: 3, severity: "high" },
    ]),
    nonPositiveEbitda: "medium",
  };

  it.each([
    [199, undefined],
    [200, "low"],
    [201, "low"],
    [299, "low"],
    [300, "high"],
    [301, "high"],
  ])("debt %d over EBITDA 100 → %s", (debt, severity) => {
    expect(applyLeverageRule(rule, facts(debt))?.severity).toBe(severity);
  });

  it("uses the policy's non-positive EBITDA severity and citation", () => {
    expect(applyLeverageRule(rule, facts(100, 0))).toMatchObject({
      severity: "medium",
      citations: [{ document: "lending/inline.md", section: "Inline" }],
      condition: "Inline condition.",
    });
  });
});
