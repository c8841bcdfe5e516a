import { describe, expect, it } from "vitest";
import { referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyLtvRule, type LtvFacts } from "./ltv-rule.js";
import { boundaryCases, thresholdFor } from "../../../../test/helpers/policy-tiers.js";

const reference = referenceLendingPolicy().rules["LEN-LTV"];
// Collateral worth 125 appraised, 100 after haircuts; LTV = (amount + prior) / 100.
const facts = (amount: number, priorCharges = 0): LtvFacts => ({ amount, priorCharges, grossValue: 125, valueAfterHaircuts: 100, currency: "USD" });

describe("LEN-LTV with the reference policy", () => {
  const medium = thresholdFor(reference.tiers, "medium");
  const high = thresholdFor(reference.tiers, "high");
  const between = (medium + high) / 2;
  const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

  // Collateral worth 1 after haircuts: the LTV is the facility amount itself, exactly.
  it.each(boundaryCases(reference.tiers))("LTV %s → %s, at and around the policy's tiers", (ltv, severity) => {
    expect(applyLtvRule(reference, { amount: ltv, priorCharges: 0, grossValue: 1.25, valueAfterHaircuts: 1, currency: "USD" })?.severity).toBe(severity);
  });

  it("counts prior charges: a facility at the medium tier with a prior charge on top is above it", () => {
    expect(applyLtvRule(reference, facts(medium * 100, 0))?.severity).toBeUndefined();
    expect(applyLtvRule(reference, facts(medium * 100, 1))?.severity).toBe("medium");
  });

  it("reports the haircut-adjusted figures in both languages", () => {
    const finding = applyLtvRule(reference, facts(between * 100 - 10, 10))!;
    expect(finding.severity).toBe("medium");
    expect(finding.metrics).toMatchObject({ amount: between * 100 - 10, priorCharges: 10, collateralValue: 125, collateralValueAfterHaircuts: 100 });
    expect(finding.metrics.ltv).toBeCloseTo(between, 10);
    expect(finding.message).toContain(`Haircut-adjusted LTV ${percent(between)}`);
    expect(finding.message).toContain(`above ${medium * 100}%`);
    expect(finding.ja?.message).toContain(`掛目考慮後の LTV は ${percent(between)}`);
    expect(finding.ja?.message).toContain(`${medium * 100}%超`);
  });

  it("rates collateral worth nothing after haircuts at the highest tier, LTV null", () => {
    const finding = applyLtvRule(reference, { amount: 10, priorCharges: 0, grossValue: 0, valueAfterHaircuts: 0, currency: "USD" })!;
    expect(finding.severity).toBe("high");
    expect(finding.metrics.ltv).toBeNull();
    expect(finding.message).toContain("unlimited");
  });
});
