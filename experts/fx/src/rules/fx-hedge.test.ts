import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import type { CurrencyPosition } from "../calculators/currency-positions.js";
import { FxPolicySchema, type FxHedgeRule } from "../fx-policy.js";
import { fxHedgeFinding } from "./fx-hedge.js";

const reference = FxPolicySchema.parse(
  YAML.parse(readFileSync(new URL("../../../../graphs/policies/reference-v1.yaml", import.meta.url), "utf8")).experts.fx,
).rules["FX-HEDGE"];

const inline: FxHedgeRule = {
  title: "Hedge ratio",
  condition: "Hedge more.",
  citation: { document: "fx/fx-policy.md", section: "Hedge ratio (FX-HEDGE)" },
  minHedgeRatio: 0.8,
  longTenorAboveYears: 3,
  longTenorSeverity: "critical",
  shortTenorSeverity: "low",
};

const position = (currency: string, hedgeRatio: number, tenorYears: number): CurrencyPosition => ({
  currency,
  gross: 100,
  hedged: 100 * hedgeRatio,
  hedgeRatio,
  netOpen: 100 * (1 - hedgeRatio),
  tenorYears,
});

describe("FX-HEDGE with the reference policy (min 0.5, long tenor above 1 year)", () => {
  it.each([
    [0.49, 2, "high"],
    [0.49, 1.01, "high"],
    [0.49, 1, "medium"],
    [0.49, 0.99, "medium"],
    [0, 0.25, "medium"],
  ])("ratio %s over %sy → %s", (ratio, tenor, severity) => {
    expect(fxHedgeFinding(reference, [position("USD", ratio, tenor)])?.severity).toBe(severity);
  });

  it("does not fire at or above the minimum", () => {
    expect(fxHedgeFinding(reference, [position("USD", 0.5, 5)])).toBeUndefined();
    expect(fxHedgeFinding(reference, [position("USD", 0.51, 5)])).toBeUndefined();
    expect(fxHedgeFinding(reference, [position("USD", 1, 5)])).toBeUndefined();
  });

  it("ignores a currency with no gross exposure", () => {
    const empty: CurrencyPosition = { currency: "THB", gross: 0, hedged: 0, hedgeRatio: 1, netOpen: 0, tenorYears: 5 };
    expect(fxHedgeFinding(reference, [empty])).toBeUndefined();
  });

  it("reports one finding at the highest severity, naming every short currency", () => {
    const finding = fxHedgeFinding(reference, [position("EUR", 0.2, 0.5), position("USD", 0.3, 4), position("GBP", 0.9, 4)]);
    expect(finding).toMatchObject({
      ruleId: "FX-HEDGE",
      severity: "high",
      title: "Hedge ratio",
      condition: reference.condition,
      citations: [{ document: "fx/fx-policy.md", section: "Hedge ratio (FX-HEDGE)" }],
      source: "rule",
    });
    expect(finding?.metrics).toEqual({
      minHedgeRatio: 0.5,
      "hedgeRatio.EUR": 0.2,
      "tenorYears.EUR": 0.5,
      "netOpen.EUR": 80,
      "hedgeRatio.USD": 0.3,
      "tenorYears.USD": 4,
      "netOpen.USD": 70,
    });
    expect(finding?.message).toContain("EUR 20% hedged");
    expect(finding?.message).toContain("USD 30% hedged");
    expect(finding?.message).not.toContain("GBP");
  });
});

describe("FX-HEDGE with an inline policy (min 0.8, long tenor above 3 years)", () => {
  it("fires just below the minimum, not at or above it", () => {
    expect(fxHedgeFinding(inline, [position("USD", 0.79, 1)])?.severity).toBe("low");
    expect(fxHedgeFinding(inline, [position("USD", 0.8, 1)])).toBeUndefined();
    expect(fxHedgeFinding(inline, [position("USD", 0.81, 1)])).toBeUndefined();
  });

  it("uses the long-tenor severity only above the tenor threshold", () => {
    expect(fxHedgeFinding(inline, [position("USD", 0.5, 2.99)])?.severity).toBe("low");
    expect(fxHedgeFinding(inline, [position("USD", 0.5, 3)])?.severity).toBe("low");
    expect(fxHedgeFinding(inline, [position("USD", 0.5, 3.01)])?.severity).toBe("critical");
  });
});
