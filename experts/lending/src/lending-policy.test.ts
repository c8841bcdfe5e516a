import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseWith } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { LENDING_RULE_IDS, LendingPolicySchema } from "./lending-policy.js";

const policyPath = fileURLToPath(new URL("../../../graphs/policies/reference-v1.yaml", import.meta.url));
const section = () => structuredClone(YAML.parse(readFileSync(policyPath, "utf8")).experts.lending);

describe("LendingPolicySchema", () => {
  it("parses the experts.lending section of the reference policy", () => {
    const policy = LendingPolicySchema.parse(section());
    expect(Object.keys(policy.rules).sort()).toEqual([...LENDING_RULE_IDS].sort());
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
      { below: 1.5, severity: "high" },
      { below: 3, severity: "medium" },
    ]);
    expect(policy.rules["LEN-LTV"].tiers).toEqual([
      { above: 1, severity: "high" },
      { above: 0.8, severity: "medium" },
    ]);
    expect(policy.rules["LEN-TENOR"].tiers).toEqual([{ above: 10, severity: "medium" }]);
    expect(policy.rules["LEN-FXDSCR"].revenueShock).toBe(0.2);
    expect(policy.rules["LEN-FXDSCR"].citation).toEqual({
      document: "lending/credit-policy.md",
      section: "FX-stressed coverage (LEN-FXDSCR)",
    });
  });

  const reject = (mutate: (s: any) => void) => {
    const s = section();
    mutate(s);
    return () => parseWith(LendingPolicySchema, s, { source: "policy", pathPrefix: "experts.lending" });
  };

  it("names the path of an unknown key", () => {
    expect(reject((s) => (s.rules["LEN-LEV"].treshold = 5))).toThrow(/experts\.lending\.rules\.LEN-LEV\.treshold/);
  });

  it("refuses a missing rule (a typo must not switch a rule off)", () => {
    expect(reject((s) => delete s.rules["LEN-DSCR"])).toThrow(/experts\.lending\.rules\.LEN-DSCR/);
  });

  it("refuses a tier with two thresholds, or none", () => {
    expect(reject((s) => (s.rules["LEN-ICR"].tiers[0] = { below: 1, above: 2, severity: "high" }))).toThrow(
      /LEN-ICR\.tiers\[0\]/,
    );
    expect(reject((s) => (s.rules["LEN-ICR"].tiers = []))).toThrow(/LEN-ICR\.tiers/);
  });

  it("refuses an unknown severity and a shock outside [0, 1]", () => {
    expect(reject((s) => (s.rules["LEN-LEV"].nonPositiveEbitda = "severe"))).toThrow(/nonPositiveEbitda/);
    expect(reject((s) => (s.rules["LEN-FXDSCR"].revenueShock = 1.5))).toThrow(/revenueShock/);
  });

  it("refuses a rule without its citation", () => {
    expect(reject((s) => delete s.rules["LEN-TENOR"].citation)).toThrow(/LEN-TENOR\.citation/);
  });
});
