import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyTenorRule } from "./tenor-rule.js";

const reference = referenceLendingPolicy().rules["LEN-TENOR"];

describe("LEN-TENOR", () => {
  it.each([
    [10, undefined],
    [10.5, "medium"],
    [30, "medium"],
  ])("tenor %d years → %s", (tenorYears, severity) => {
    expect(applyTenorRule(reference, { tenorYears })?.severity).toBe(severity);
  });

  it("says it in both languages", () => {
    const finding = applyTenorRule(reference, { tenorYears: 12 })!;
    expect(finding.message).toBe("Tenor of 12 years is above 10 years.");
    expect(finding.ja?.message).toBe("融資期間12年は、基準の10年超に該当します。");
  });

  it("reads the policy", () => {
    expect(applyTenorRule(inlineRule([{ atLeast: 5, severity: "high" }]), { tenorYears: 5 })?.severity).toBe("high");
  });
});
