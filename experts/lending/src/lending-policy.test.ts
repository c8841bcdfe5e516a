import { parseWith } from "@kyocho/core/validation";
import { describe, expect, it } from "vitest";
import { rawLendingSection } from "../test-support/reference-policy.js";
import { LENDING_RULE_IDS, LendingPolicySchema } from "./lending-policy.js";

const section = rawLendingSection;

describe("LendingPolicySchema", () => {
  it("parses the experts.lending section of Reference Policy v2, every rule in order", () => {
    const policy = LendingPolicySchema.parse(section());
    expect(Object.keys(policy.rules)).toEqual([...LENDING_RULE_IDS]);
    expect(policy.rules["LEN-LEV"].nonPositiveEbitda).toBe("critical");
    expect(policy.rules["LEN-LEV"].tiers).toEqual([
      { above: 6, severity: "high" },
      { above: 4, severity: "medium" },
    ]);
    expect(policy.rules["LEN-DSCR"].tiers).toEqual([
      { below: 1, severity: "critical" },
      { below: 1.25, severity: "high" },
    ]);
    expect(policy.rules["LEN-ICR"].tiers).toEqual([
      { below: 1, severity: "critical" },
      { below: 1.5, severity: "high" },
      { below: 3, severity: "medium" },
    ]);
    expect(policy.rules["LEN-BALLOON"]).toMatchObject({
      tenorAboveYears: 3,
      nonPositiveCfads: "high",
      tiers: [
        { above: 6, severity: "high" },
        { above: 3, severity: "medium" },
      ],
    });
    expect(policy.rules["LEN-LTV"].haircuts).toEqual({
      real_estate: 0.3,
      securities: 0.2,
      receivables: 0.3,
      equipment: 0.5,
      cash: 0,
      other: 0.5,
    });
    expect(policy.rules["LEN-TENOR"].tiers).toEqual([{ above: 10, severity: "medium" }]);
    expect(policy.rules["LEN-FXDSCR"].citation).toEqual({
      document: "lending/credit-policy.md",
      section: "FX-stressed coverage (LEN-FXDSCR)",
    });
    expect(policy.rules["LEN-BALLOON"].title).toEqual({ en: "Balloon repayment", ja: "期日一括返済（バルーン）" });
  });

  const reject = (mutate: (s: any) => void) => {
    const s = section();
    mutate(s);
    return () => parseWith(LendingPolicySchema, s, { source: "policy", pathPrefix: "experts.lending" });
  };

  it("names the path of an unknown key", () => {
    expect(reject((s) => (s.rules["LEN-LEV"].treshold = 5))).toThrow(/experts\.lending\.rules\.LEN-LEV\.treshold/);
    // v1's revenueShock is gone: the FX loss is the fx expert's.
    expect(reject((s) => (s.rules["LEN-FXDSCR"].revenueShock = 0.2))).toThrow(/LEN-FXDSCR\.revenueShock/);
  });

  it.each([...LENDING_RULE_IDS])("refuses the policy without %s (a typo must not switch a rule off)", (id) => {
    expect(reject((s) => delete s.rules[id])).toThrow(new RegExp(`experts\\.lending\\.rules\\.${id}`));
  });

  it("refuses a tier with two thresholds, or none", () => {
    expect(reject((s) => (s.rules["LEN-ICR"].tiers[0] = { below: 1, above: 2, severity: "high" }))).toThrow(/LEN-ICR\.tiers\[0\]/);
    expect(reject((s) => (s.rules["LEN-ICR"].tiers = []))).toThrow(/LEN-ICR\.tiers/);
  });

  it("refuses an unknown severity", () => {
    expect(reject((s) => (s.rules["LEN-LEV"].nonPositiveEbitda = "severe"))).toThrow(/nonPositiveEbitda/);
    expect(reject((s) => (s.rules["LEN-BALLOON"].nonPositiveCfads = "severe"))).toThrow(/nonPositiveCfads/);
  });

  it("refuses a balloon rule without its tenor threshold", () => {
    expect(reject((s) => delete s.rules["LEN-BALLOON"].tenorAboveYears)).toThrow(/LEN-BALLOON\.tenorAboveYears/);
  });

  it("needs a haircut for every collateral type, each within [0, 1], and no other", () => {
    expect(reject((s) => delete s.rules["LEN-LTV"].haircuts.equipment)).toThrow(/LEN-LTV\.haircuts\.equipment/);
    expect(reject((s) => (s.rules["LEN-LTV"].haircuts.other = 1.5))).toThrow(/LEN-LTV\.haircuts\.other/);
    expect(reject((s) => (s.rules["LEN-LTV"].haircuts.cash = -0.1))).toThrow(/LEN-LTV\.haircuts\.cash/);
    expect(reject((s) => (s.rules["LEN-LTV"].haircuts.gold = 0.1))).toThrow(/LEN-LTV\.haircuts\.gold/);
  });

  it("refuses a rule without its citation", () => {
    expect(reject((s) => delete s.rules["LEN-TENOR"].citation)).toThrow(/LEN-TENOR\.citation/);
  });
});
