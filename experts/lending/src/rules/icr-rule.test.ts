import { describe, expect, it } from "vitest";
import { referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyIcrRule } from "./icr-rule.js";

const reference = referenceLendingPolicy().rules["LEN-ICR"];
// Interest 15 existing + 5 new = 20: ICR = EBITDA / 20.
const facts = (ebitda: number) => ({ ebitda, existingInterest: 15, newInterest: 5, currency: "JPY" });

describe("LEN-ICR with the reference policy", () => {
  it.each([
    [60, undefined], // 3.0
    [59.9, "medium"],
    [30, "medium"], // 1.5
    [29.9, "high"],
    [20, "high"], // 1.0
    [19.9, "critical"], // the new tier: the interest bill is not earned
    [-5, "critical"],
  ])("EBITDA %d over interest 20 → %s", (ebitda, severity) => {
    expect(applyIcrRule(reference, facts(ebitda))?.severity).toBe(severity);
  });

  it("reports both parts of the interest, in both languages", () => {
    const finding = applyIcrRule(reference, facts(18))!; // 18 / 20 = 0.90x
    expect(finding.metrics).toMatchObject({ icr: 0.9, ebitda: 18, interest: 20, existingInterest: 15, newInterest: 5 });
    expect(finding.message).toContain("Interest cover 0.90x");
    expect(finding.message).toContain("below 1");
    expect(finding.ja?.message).toContain("インタレスト・カバレッジ（ICR）は 0.90倍");
    expect(finding.ja?.message).toContain("1倍未満");
  });

  it("stays silent without interest", () => {
    expect(applyIcrRule(reference, { ebitda: -5, existingInterest: 0, newInterest: 0, currency: "JPY" })).toBeUndefined();
  });
});
