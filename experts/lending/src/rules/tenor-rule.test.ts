import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyTenorRule } from "./tenor-rule.js";
import { boundaryCases, thresholdFor } from "../../../../test/helpers/policy-tiers.js";

const reference = referenceLendingPolicy().rules["LEN-TENOR"];

describe("LEN-TENOR", () => {
  const medium = thresholdFor(reference.tiers, "medium");

  it.each(boundaryCases(reference.tiers))("tenor %s years → %s, at and around the policy's tier", (tenorYears, severity) => {
    expect(applyTenorRule(reference, { tenorYears })?.severity).toBe(severity);
  });

  it("says it in both languages", () => {
    const tenorYears = medium + 2;
    const finding = applyTenorRule(reference, { tenorYears })!;
    expect(finding.message).toBe(`Tenor of ${tenorYears} years is above ${medium} years.`);
    expect(finding.ja?.message).toBe(`融資期間${tenorYears}年は、基準の${medium}年超に該当します。`);
  });

  it("reads the policy", () => {
    expect(applyTenorRule(inlineRule([{ atLeast: 5, severity: "high" }]), { tenorYears: 5 })?.severity).toBe("high");
  });
});
