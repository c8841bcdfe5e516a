import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import type { CurrencyPosition } from "../fx-mismatch.js";
import { FxPolicySchema } from "../fx-policy.js";
import { fxHedgeFinding } from "./fx-hedge.js";

const policy = FxPolicySchema.parse(
  YAML.parse(readFileSync(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url), "utf8")).experts.fx,
);
const rule = policy.rules["FX-HEDGE"];
const pos = (currency: string, net: number, hedge: number): CurrencyPosition => ({
  currency,
  inflow: Math.max(net, 0),
  outflow: Math.max(-net, 0),
  debtService: 0,
  net,
  hedge,
  open: net - hedge,
  hedgeRatio: net === 0 ? null : Math.min(1, Math.max(0, hedge / net)),
});
// Revenue 1000 in F: material at |net| ≥ 50 (5%).
const context = (facilityTenorYears: number | undefined) => ({ currency: "USD", revenue: 1000, materialityShareOfRevenue: 0.05, facilityTenorYears });

describe("FX-HEDGE (reference: material ≥ 5% of revenue, ratio < 50%; > 1y high, else medium)", () => {
  it("is high for an under-hedged material currency over a facility above one year", () => {
    // EUR net 100 (10% of revenue), hedge 44: ratio 0.44 < 0.5. JPY short 61.5, unhedged: ratio 0.
    const f = fxHedgeFinding(rule, [pos("EUR", 100, 44), pos("JPY", -61.5, 0)], context(5))!;
    expect(f).toMatchObject({
      ruleId: "FX-HEDGE",
      severity: "high",
      title: "Hedge ratio",
      metrics: { "hedgeRatio.EUR": 0.44, "hedgeRatio.JPY": 0, "net.JPY": -61.5, "open.EUR": 56, facilityTenorYears: 5, minHedgeRatio: 0.5 },
      citations: [{ document: "fx/fx-policy.md", section: "Hedge ratio (FX-HEDGE)" }],
    });
    expect(f.message).toContain("EUR net long USD 100 (10% of revenue), 44% hedged, open USD 56");
    expect(f.message).toContain("JPY net short USD 62");
    expect(f.ja?.title).toBe("ヘッジ比率");
    expect(f.ja?.message).toContain("JPYの売持ち62米ドル");
    expect(f.ja?.message).toContain("ヘッジ比率44%");
    expect(f.ja?.message).toContain("融資期間は5年で、1年を超える");
  });

  it("is medium for a facility of exactly one year (not above) and without a facility", () => {
    expect(fxHedgeFinding(rule, [pos("EUR", 100, 0)], context(1))?.severity).toBe("medium");
    expect(fxHedgeFinding(rule, [pos("EUR", 100, 0)], context(1.01))?.severity).toBe("high");
    const none = fxHedgeFinding(rule, [pos("EUR", 100, 0)], context(undefined))!;
    expect(none.severity).toBe("medium");
    expect(none.metrics.facilityTenorYears).toBeNull();
    expect(none.ja?.message).toContain("本件融資の記載がない");
  });

  it("sits at the 50% minimum: 49.99% fires, 50% does not", () => {
    expect(fxHedgeFinding(rule, [pos("EUR", 100, 49.99)], context(5))).toBeDefined();
    expect(fxHedgeFinding(rule, [pos("EUR", 100, 50)], context(5))).toBeUndefined();
    // a short position bought forward: −50 / −100 = 50%
    expect(fxHedgeFinding(rule, [pos("JPY", -100, -50)], context(5))).toBeUndefined();
  });

  it("ignores an immaterial currency: |net| below 5% of revenue", () => {
    expect(fxHedgeFinding(rule, [pos("EUR", 49.99, 0)], context(5))).toBeUndefined();
    expect(fxHedgeFinding(rule, [pos("EUR", -50, 0)], context(5))).toBeDefined(); // exactly 5%
  });

  it("has nothing to say about a currency with no net position", () => {
    expect(fxHedgeFinding(rule, [pos("EUR", 0, 30)], context(5))).toBeUndefined();
  });

  it("counts a hedge the wrong way round as no hedge", () => {
    // long 100, but bought 60 more: ratio clamps to 0.
    expect(fxHedgeFinding(rule, [pos("EUR", 100, -60)], context(5))?.metrics["hedgeRatio.EUR"]).toBe(0);
  });
});
