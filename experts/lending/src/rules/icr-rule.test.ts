import { describe, expect, it } from "vitest";
import { referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyIcrRule } from "./icr-rule.js";
import { boundaryCases, thresholdFor } from "../../../../test/helpers/policy-tiers.js";

const reference = referenceLendingPolicy().rules["LEN-ICR"];
// Interest 15 existing + 5 new = 20: ICR = EBITDA / 20.
const facts = (ebitda: number) => ({ ebitda, existingInterest: 15, newInterest: 5, currency: "JPY" });

describe("LEN-ICR with the reference policy", () => {
  const critical = thresholdFor(reference.tiers, "critical");

  // Interest 0.75 existing + 0.25 new = 1: the ICR is EBITDA itself, exactly.
  it.each([...boundaryCases(reference.tiers), [-5, "critical"] as [number, string]])("ICR %s → %s, at and around the policy's tiers", (icr, severity) => {
    expect(applyIcrRule(reference, { ebitda: icr, existingInterest: 0.75, newInterest: 0.25, currency: "JPY" })?.severity).toBe(severity);
  });

  it("reports both parts of the interest, in both languages", () => {
    const icr = critical * 0.9; // below the critical tier
    const finding = applyIcrRule(reference, facts(icr * 20))!;
    expect(finding.severity).toBe("critical");
    expect(finding.metrics).toMatchObject({ ebitda: icr * 20, interest: 20, existingInterest: 15, newInterest: 5 });
    expect(finding.metrics.icr).toBeCloseTo(icr, 10);
    expect(finding.message).toContain(`Interest cover ${icr.toFixed(2)}x`);
    expect(finding.message).toContain(`below ${critical}`);
    expect(finding.ja?.message).toContain(`インタレスト・カバレッジ（ICR）は ${icr.toFixed(2)}倍`);
    expect(finding.ja?.message).toContain(`${critical}倍未満`);
  });

  it("stays silent without interest", () => {
    expect(applyIcrRule(reference, { ebitda: -5, existingInterest: 0, newInterest: 0, currency: "JPY" })).toBeUndefined();
  });
});
