import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyTenorRule } from "./tenor-rule.js";

const reference = referenceLendingPolicy().rules["LEN-TENOR"];

describe("LEN-TENOR with the reference policy", () => {
  it.each([
    [9.99, undefined],
    [10, undefined],
    [10.01, "medium"],
    [30, "medium"],
  ])("tenor %d years → %s", (tenorYears, severity) => {
    expect(applyTenorRule(reference, { tenorYears })?.severity).toBe(severity);
  });

  it("reports the tenor, condition and citation", () => {
    expect(applyTenorRule(reference, { tenorYears: 12 })).toMatchObject({
      ruleId: "LEN-TENOR",
      metrics: { tenorYears: 12 },
      condition: reference.condition,
      citations: [{ document: "lending/credit-policy.md", section: "Tenor (LEN-TENOR)" }],
    });
  });
});

describe("LEN-TENOR with an inline policy", () => {
  const rule = inlineRule([
    { above: 7, severity: "low" },
    { above: 15, severity: "high" },
  ]);
  it.each([
    [6.99, undefined],
    [7, undefined],
    [7.01, "low"],
    [14.99, "low"],
    [15, "low"],
    [15.01, "high"],
  ])("tenor %d years → %s", (tenorYears, severity) => {
    expect(applyTenorRule(rule, { tenorYears })?.severity).toBe(severity);
  });
});
