import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import type { LeverageRule } from "../lending-policy.js";
import { applyLeverageRule } from "./leverage-rule.js";

const reference = referenceLendingPolicy().rules["LEN-LEV"];
// Pro-forma debt D + 50 with cash 50 → net debt D.
const facts = (net: number, ebitda = 100) => ({ proFormaDebt: net + 50, cash: 50, ebitda, currency: "JPY" });

describe("LEN-LEV with the reference policy", () => {
  it.each([
    [399, undefined],
    [400, undefined], // 4.00x, not above 4
    [401, "medium"],
    [600, "medium"], // 6.00x, not above 6
    [601, "high"],
  ])("net debt %d over EBITDA 100 → %s", (net, severity) => {
    expect(applyLeverageRule(reference, facts(net))?.severity).toBe(severity);
  });

  it("measures net of cash, with the metrics, fields and both languages", () => {
    // (650 − 50) / 100 = 6.00x: medium. Without taking cash off it would be 6.50x, high.
    const finding = applyLeverageRule(reference, { proFormaDebt: 650, cash: 50, ebitda: 100, currency: "JPY" })!;
    expect(finding).toMatchObject({
      ruleId: "LEN-LEV",
      severity: "medium",
      metrics: { leverage: 6, netDebt: 600, proFormaDebt: 650, cash: 50, ebitda: 100 },
      citations: [{ document: "lending/credit-policy.md", section: "Leverage (LEN-LEV)" }],
      source: "rule",
    });
    expect(finding.message).toContain("Net leverage 6.00x");
    expect(finding.message).toContain("above 4");
    expect(finding.ja?.message).toContain("有利子負債倍率（ネット）は 6.00倍");
    expect(finding.ja?.message).toContain("4倍超");
    expect(finding.ja?.title).toBe("有利子負債倍率（レバレッジ）");
  });

  it("counts absent cash as none", () => {
    expect(applyLeverageRule(reference, { proFormaDebt: 650, ebitda: 100, currency: "JPY" })?.severity).toBe("high"); // 650 / 100
  });

  it.each([0, -1, -500])("EBITDA %d with positive net debt is the policy's nonPositiveEbitda (critical), leverage null", (ebitda) => {
    const finding = applyLeverageRule(reference, facts(100, ebitda))!;
    expect(finding.severity).toBe("critical");
    expect(finding.metrics.leverage).toBeNull();
    expect(finding.ja?.message).toContain("ゼロ以下");
  });

  it.each([
    [0, 100],
    [-50, 100],
    [0, -20],
    [-50, -20],
  ])("net debt %d (EBITDA %d) is no finding", (net, ebitda) => {
    expect(applyLeverageRule(reference, facts(net, ebitda))).toBeUndefined();
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
    [300, "high"],
  ])("net debt %d → %s", (net, severity) => {
    expect(applyLeverageRule(rule, facts(net))?.severity).toBe(severity);
  });

  it("uses the policy's non-positive EBITDA severity and citation", () => {
    expect(applyLeverageRule(rule, facts(100, 0))).toMatchObject({ severity: "medium", citations: [{ document: "lending/inline.md", section: "Inline" }] });
  });
});
