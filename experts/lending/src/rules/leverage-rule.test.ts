import { describe, expect, it } from "vitest";
import { inlineRule, referenceLendingPolicy } from "../../test-support/reference-policy.js";
import type { LeverageRule } from "../lending-policy.js";
import { applyLeverageRule } from "./leverage-rule.js";
import { boundaryCases, thresholdFor } from "../../../../test/helpers/policy-tiers.js";

const reference = referenceLendingPolicy().rules["LEN-LEV"];
// Pro-forma debt D + 50 with cash 50 → net debt D.
const facts = (net: number, ebitda = 100) => ({ proFormaDebt: net + 50, cash: 50, ebitda, currency: "JPY" });

describe("LEN-LEV with the reference policy", () => {
  const medium = thresholdFor(reference.tiers, "medium");
  const high = thresholdFor(reference.tiers, "high");

  // EBITDA 1, no cash: the leverage is the net debt itself, exactly.
  it.each(boundaryCases(reference.tiers))("net leverage %s → %s, at and around the policy's tiers", (leverage, severity) => {
    expect(applyLeverageRule(reference, { proFormaDebt: leverage, cash: 0, ebitda: 1, currency: "JPY" })?.severity).toBe(severity);
  });

  it("measures net of cash, with the metrics, fields and both languages", () => {
    // Net of cash the leverage sits exactly on the high tier (not above it): medium. Without taking cash off it would be high.
    const cash = 50;
    const finding = applyLeverageRule(reference, { proFormaDebt: high * 100 + cash, cash, ebitda: 100, currency: "JPY" })!;
    expect(finding).toMatchObject({
      ruleId: "LEN-LEV",
      severity: "medium",
      metrics: { leverage: high, netDebt: high * 100, proFormaDebt: high * 100 + cash, cash, ebitda: 100 },
      citations: [{ document: "lending/credit-policy.md", section: "Leverage (LEN-LEV)" }],
      source: "rule",
    });
    expect(finding.message).toContain(`Net leverage ${high.toFixed(2)}x`);
    expect(finding.message).toContain(`above ${medium}`);
    expect(finding.ja?.message).toContain(`有利子負債倍率（ネット）は ${high.toFixed(2)}倍`);
    expect(finding.ja?.message).toContain(`${medium}倍超`);
    expect(finding.ja?.title).toBe("有利子負債倍率（レバレッジ）");
  });

  it("counts absent cash as none", () => {
    // Taking the 50 of the previous case as cash would bring it to the high tier's edge; without cash it is above.
    expect(applyLeverageRule(reference, { proFormaDebt: high * 100 + 50, ebitda: 100, currency: "JPY" })?.severity).toBe("high");
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
