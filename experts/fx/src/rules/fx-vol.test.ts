import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { FxPolicySchema, type FxVolRule } from "../fx-policy.js";
import { fxVolFinding, type VolPosition } from "./fx-vol.js";

const reference = FxPolicySchema.parse(
  YAML.parse(readFileSync(new URL("../../../../graphs/policies/reference-v1.yaml", import.meta.url), "utf8")).experts.fx,
).rules["FX-VOL"];

const inline: FxVolRule = {
  title: "Volatile currency",
  condition: "Hedge fully.",
  citation: { document: "fx/fx-policy.md", section: "Volatile currencies (FX-VOL)" },
  volAbove: 0.3,
  severity: "high",
};

const position = (currency: string, vol: number, hedgeRatio: number): VolPosition => ({
  currency,
  gross: 100,
  hedged: 100 * hedgeRatio,
  hedgeRatio,
  netOpen: 100 * (1 - hedgeRatio),
  tenorYears: 1,
  vol,
});

describe("FX-VOL with the reference policy (vol > 15% and not fully hedged → medium)", () => {
  it.each([
    [0.1499, 0.5, undefined],
    [0.15, 0.5, undefined],
    [0.1501, 0.5, "medium"],
    [0.3, 0.99, "medium"],
    [0.3, 1, undefined],
  ])("vol %s, hedge ratio %s → %s", (vol, ratio, severity) => {
    expect(fxVolFinding(reference, [position("TRY", vol, ratio)])?.severity).toBe(severity);
  });

  it("names every volatile open currency in one finding", () => {
    const finding = fxVolFinding(reference, [position("TRY", 0.3, 0.6), position("USD", 0.1, 0), position("BRL", 0.2, 0)]);
    expect(finding).toMatchObject({
      ruleId: "FX-VOL",
      severity: "medium",
      metrics: { volAbove: 0.15, "vol.TRY": 0.3, "hedgeRatio.TRY": 0.6, "vol.BRL": 0.2, "hedgeRatio.BRL": 0 },
      condition: reference.condition,
      citations: [{ document: "fx/fx-policy.md", section: "Volatile currencies (FX-VOL)" }],
    });
    expect(finding?.metrics).not.toHaveProperty("vol.USD");
  });

  it("reports nothing for no positions", () => {
    expect(fxVolFinding(reference, [])).toBeUndefined();
  });
});

describe("FX-VOL with an inline policy", () => {
  it("uses the policy's threshold and severity", () => {
    expect(fxVolFinding(inline, [position("TRY", 0.2999, 0)])).toBeUndefined();
    expect(fxVolFinding(inline, [position("TRY", 0.3, 0)])).toBeUndefined();
    expect(fxVolFinding(inline, [position("TRY", 0.3001, 0)])?.severity).toBe("high");
  });
});
