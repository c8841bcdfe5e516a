import { describe, expect, it } from "vitest";
import { referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyLtvRule, type LtvFacts } from "./ltv-rule.js";

const reference = referenceLendingPolicy().rules["LEN-LTV"];
// Collateral worth 125 appraised, 100 after haircuts; LTV = (amount + prior) / 100.
const facts = (amount: number, priorCharges = 0): LtvFacts => ({ amount, priorCharges, grossValue: 125, valueAfterHaircuts: 100, currency: "USD" });

describe("LEN-LTV with the reference policy", () => {
  it.each([
    [80, 0, undefined], // 80%, not above
    [70, 10.1, "medium"], // 80.1%: prior charges count
    [100, 0, "medium"], // 100%
    [90, 10.1, "high"], // 100.1%
  ])("facility %d + prior %d over 100 after haircuts → %s", (amount, prior, severity) => {
    expect(applyLtvRule(reference, facts(amount, prior))?.severity).toBe(severity);
  });

  it("reports the haircut-adjusted figures in both languages", () => {
    const finding = applyLtvRule(reference, facts(80, 10))!; // (80 + 10) / 100 = 90.0%
    expect(finding.metrics).toMatchObject({ ltv: 0.9, amount: 80, priorCharges: 10, collateralValue: 125, collateralValueAfterHaircuts: 100 });
    expect(finding.message).toContain("Haircut-adjusted LTV 90.0%");
    expect(finding.message).toContain("above 80%");
    expect(finding.ja?.message).toContain("掛目考慮後の LTV は 90.0%");
    expect(finding.ja?.message).toContain("80%超");
  });

  it("rates collateral worth nothing after haircuts at the highest tier, LTV null", () => {
    const finding = applyLtvRule(reference, { amount: 10, priorCharges: 0, grossValue: 0, valueAfterHaircuts: 0, currency: "USD" })!;
    expect(finding.severity).toBe("high");
    expect(finding.metrics.ltv).toBeNull();
    expect(finding.message).toContain("unlimited");
  });
});
