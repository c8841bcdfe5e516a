import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { FxPolicySchema } from "./fx-policy.js";

const referencePath = new URL("../../../councils/reference/policies/reference-v2.yaml", import.meta.url);
const section = () => structuredClone(YAML.parse(readFileSync(referencePath, "utf8")).experts.fx);

describe("FxPolicySchema (Reference Policy v2)", () => {
  it("parses the fx section of the reference policy, carrying every value of the file through", () => {
    const policy = FxPolicySchema.parse(section());
    expect(Object.keys(policy.rules).sort()).toEqual(["FX-HEDGE", "FX-OVERHEDGE", "FX-STRESS", "FX-VOL"]);
    // The file's values, whatever a risk officer set them to, arrive unchanged.
    expect(policy).toMatchObject(section());
    expect(policy.rules["FX-HEDGE"].title).toEqual({ en: "Hedge ratio", ja: "ヘッジ比率" });
    expect(policy.rules["FX-HEDGE"].citation).toEqual({ document: "fx/fx-policy.md", section: "Hedge ratio (FX-HEDGE)" });
  });

  it("refuses an unknown key with its path, including the v1 name nonPositiveEbitda", () => {
    const bad = section();
    bad.rules["FX-HEDGE"].minHedgeRatoi = 0.4;
    const result = FxPolicySchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("minHedgeRatoi");

    const v1 = section();
    v1.rules["FX-STRESS"].nonPositiveEbitda = "high";
    expect(JSON.stringify(FxPolicySchema.safeParse(v1).error?.issues)).toContain("nonPositiveEbitda");
  });

  it("refuses a missing rule or parameter", () => {
    const bad = section();
    delete bad.rules["FX-OVERHEDGE"];
    expect(FxPolicySchema.safeParse(bad).error?.issues[0]?.path).toEqual(["rules", "FX-OVERHEDGE"]);
    const noMateriality = section();
    delete noMateriality.materialityShareOfRevenue;
    expect(FxPolicySchema.safeParse(noMateriality).error?.issues[0]?.path).toEqual(["materialityShareOfRevenue"]);
    const noShare = section();
    delete noShare.rules["FX-VOL"].openShareOfNetAtLeast;
    expect(FxPolicySchema.safeParse(noShare).error?.issues[0]?.path).toEqual(["rules", "FX-VOL", "openShareOfNetAtLeast"]);
  });

  it("refuses a hedge ratio above 1, an unknown severity and a tier with two thresholds", () => {
    const ratio = section();
    ratio.rules["FX-HEDGE"].minHedgeRatio = 1.5;
    expect(FxPolicySchema.safeParse(ratio).error?.issues[0]?.path).toEqual(["rules", "FX-HEDGE", "minHedgeRatio"]);

    const severity = section();
    severity.rules["FX-OVERHEDGE"].severity = "severe";
    expect(FxPolicySchema.safeParse(severity).error?.issues[0]?.path).toEqual(["rules", "FX-OVERHEDGE", "severity"]);

    const tier = section();
    tier.rules["FX-STRESS"].tiers[0] = { above: 0.25, below: 0.5, severity: "high" };
    expect(FxPolicySchema.safeParse(tier).error?.issues[0]?.path).toEqual(["rules", "FX-STRESS", "tiers", 0]);
  });

  it("refuses a zero shock, a negative tolerance and a non-positive VaR horizon", () => {
    const shock = section();
    shock.rules["FX-STRESS"].shock = 0;
    expect(FxPolicySchema.safeParse(shock).success).toBe(false);
    const tolerance = section();
    tolerance.rules["FX-OVERHEDGE"].toleranceShareOfNet = -0.1;
    expect(FxPolicySchema.safeParse(tolerance).success).toBe(false);
    const horizon = section();
    horizon.valueAtRisk.horizonDays = 0;
    expect(FxPolicySchema.safeParse(horizon).success).toBe(false);
  });
});
