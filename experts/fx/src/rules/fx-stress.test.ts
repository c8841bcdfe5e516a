import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { FxPolicySchema, type FxStressRule } from "../fx-policy.js";
import { fxStressFinding } from "./fx-stress.js";

const reference = FxPolicySchema.parse(
  YAML.parse(readFileSync(new URL("../../../../graphs/policies/reference-v1.yaml", import.meta.url), "utf8")).experts.fx,
).rules["FX-STRESS"];

const inline: FxStressRule = {
  title: "FX stress loss",
  condition: "Reduce the open position.",
  citation: { document: "fx/fx-policy.md", section: "Stress loss (FX-STRESS)" },
  shock: 0.1,
  tiers: [
    { atLeast: 0.05, severity: "low" },
    { above: 0.5, severity: "critical" },
  ],
  nonPositiveEbitda: "critical",
};

const run = (rule: FxStressRule, lossBase: number, ebitdaBase: number) =>
  fxStressFinding(rule, { lossBase, ebitdaBase, baseCurrency: "JPY" });

describe("FX-STRESS with the reference policy (> 10% medium, > 25% high)", () => {
  it.each([
    [9.99, undefined],
    [10, undefined],
    [10.01, "medium"],
    [24.99, "medium"],
    [25, "medium"],
    [25.01, "high"],
    [80, "high"],
  ])("loss %s over EBITDA 100 → %s", (loss, severity) => {
    expect(run(reference, loss, 100)?.severity).toBe(severity);
  });

  it("reports the metrics it used, its condition and citation", () => {
    const finding = run(reference, 30, 100);
    expect(finding).toMatchObject({
      ruleId: "FX-STRESS",
      severity: "high",
      metrics: { stressLoss: 30, ebitdaBase: 100, stressLossToEbitda: 0.3, shock: 0.2 },
      condition: reference.condition,
      citations: [{ document: "fx/fx-policy.md", section: "Stress loss (FX-STRESS)" }],
    });
    expect(finding?.message).toContain("30% of EBITDA");
  });

  it("rates any loss over a zero or negative EBITDA at nonPositiveEbitda (high)", () => {
    expect(run(reference, 1, 0)).toMatchObject({ severity: "high", metrics: { stressLossToEbitda: null } });
    expect(run(reference, 1, -50)?.severity).toBe("high");
  });

  it("reports nothing when there is no loss, whatever the EBITDA", () => {
    expect(run(reference, 0, 100)).toBeUndefined();
    expect(run(reference, 0, -50)).toBeUndefined();
  });
});

describe("FX-STRESS with an inline policy", () => {
  it("honours atLeast and above tiers at their boundaries", () => {
    expect(run(inline, 4.99, 100)).toBeUndefined();
    expect(run(inline, 5, 100)?.severity).toBe("low");
    expect(run(inline, 50, 100)?.severity).toBe("low");
    expect(run(inline, 50.01, 100)?.severity).toBe("critical");
  });

  it("uses the policy's nonPositiveEbitda severity", () => {
    expect(run(inline, 1, 0)?.severity).toBe("critical");
  });
});
