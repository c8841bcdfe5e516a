import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import { applyDscrRule } from "./dscr-rule.js";

const reference = referenceLendingPolicy().rules["LEN-DSCR"];
const facts = (ebitda: number) => ({ ebitda, annualDebtService: 60, newDebtService: 40, currency: "EUR" });

describe("LEN-DSCR with the reference policy", () => {
  it.each([
    [126, undefined],
    [125, undefined],
    [124, "high"],
    [101, "high"],
    [100, "high"],
    [99, "critical"],
    [-10, "critical"],
  ])("EBITDA %d over debt service 100 → %s", (ebitda, severity) => {
    expect(applyDscrRule(reference, facts(ebitda))?.severity).toBe(severity);
  });

  it("reports the metrics it used, the condition and citation", () => {
    expect(applyDscrRule(reference, facts(90))).toMatchObject({
      ruleId: "LEN-DSCR",
      severity: "critical",
      metrics: { dscr: 0.9, ebitda: 90, annualDebtService: 60, newDebtService: 40 },
      condition: reference.condition,
      citations: [{ document: "lending/credit-policy.md", section: "Debt service coverage (LEN-DSCR)" }],
    });
  });

  it("reports nothing when there is no debt service (unlimited cover), even with losses", () => {
    expect(applyDscrRule(reference, { ebitda: -5, annualDebtService: 0, newDebtService: 0, currency: "EUR" })).toBeUndefined();
  });
});

describe("LEN-DSCR with an inline policy", () => {
  const rule = inlineRule([
    { atMost: 2, severity: "medium" },
    { atMost: 1.5, severity: "high" },
  ]);
  it.each([
    [201, undefined],
    [200, "medium"],
    [199, "medium"],
    [151, "medium"],
    [150, "high"],
    [149, "high"],
  ])("EBITDA %d over debt service 100 → %s", (ebitda, severity) => {
    expect(applyDscrRule(rule, facts(ebitda))?.severity).toBe(severity);
  });
});
