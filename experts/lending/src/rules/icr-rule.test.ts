import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyIcrRule } from "./icr-rule.js";

const reference = referenceLendingPolicy().rules["LEN-ICR"];
// Interest 100 = existing 60 + new facility 800 · 5%.
const facts = (ebitda: number) => ({ ebitda, interestExpense: 60, facilityAmountInF: 800, rate: 0.05, currency: "JPY" });

describe("LEN-ICR with the reference policy", () => {
  it.each([
    [301, undefined],
    [300, undefined],
    [299, "medium"],
    [151, "medium"],
    [150, "medium"],
    [149, "high"],
    [0, "high"],
  ])("EBITDA %d over interest 100 → %s", (ebitda, severity) => {
    expect(applyIcrRule(reference, facts(ebitda))?.severity).toBe(severity);
  });

  it("reports the metrics it used, the condition and citation", () => {
    const finding = applyIcrRule(reference, facts(250))!;
    expect(finding).toMatchObject({
      ruleId: "LEN-ICR",
      severity: "medium",
      condition: reference.condition,
      citations: [{ document: "lending/credit-policy.md", section: "Interest cover (LEN-ICR)" }],
    });
    expect(finding.metrics.icr).toBeCloseTo(2.5, 12);
    expect(finding.metrics.newInterest).toBeCloseTo(40, 12);
  });

  it("reports nothing with no interest, existing or new", () => {
    expect(applyIcrRule(reference, { ebitda: 1, interestExpense: 0, facilityAmountInF: 100, rate: 0, currency: "JPY" })).toBeUndefined();
  });
});

describe("LEN-ICR with an inline policy", () => {
  const rule = inlineRule([{ below: 5, severity: "low" }]);
  it.each([
    [501, undefined],
    [500, undefined],
    [499, "low"],
  ])("EBITDA %d over interest 100 → %s", (ebitda, severity) => {
    expect(applyIcrRule(rule, facts(ebitda))?.severity).toBe(severity);
  });
});
