import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import type { CurrencyPosition } from "../fx-mismatch.js";
import { FxPolicySchema } from "../fx-policy.js";
import { fxOverhedgeFinding, overhedged } from "./fx-overhedge.js";

const policy = FxPolicySchema.parse(
  YAML.parse(readFileSync(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url), "utf8")).experts.fx,
);
const rule = policy.rules["FX-OVERHEDGE"];
const pos = (currency: string, net: number, hedge: number): CurrencyPosition => ({
  currency,
  inflow: 0,
  outflow: 0,
  debtService: 0,
  net,
  hedge,
  open: net - hedge,
  hedgeRatio: null,
});

describe("FX-OVERHEDGE (reference: open opposite to net, above 5% of |net|; medium)", () => {
  it("flags a long position sold forward for more than it is", () => {
    // net 100m, sold 130m: open −30m, 30% of net.
    const f = fxOverhedgeFinding(rule, [pos("USD", 100e6, 130e6)], "JPY")!;
    expect(f).toMatchObject({
      ruleId: "FX-OVERHEDGE",
      severity: "medium",
      metrics: { "net.USD": 100e6, "hedge.USD": 130e6, "open.USD": -30e6, toleranceShareOfNet: 0.05 },
      citations: [{ document: "fx/fx-policy.md", section: "Over-hedge (FX-OVERHEDGE)" }],
    });
    expect(f.message).toContain("USD net long JPY 100,000,000, hedged JPY 130,000,000: open short JPY 30,000,000, 30% of the net position");
    expect(f.ja?.title).toBe("過剰ヘッジ");
    expect(f.ja?.message).toContain("USDの買持ち1億円に対しヘッジ1億3,000万円で、差引3,000万円の売持ち（ネット・ポジションの30%）");
  });

  it("flags a short position bought forward for more than it is", () => {
    // net −100, bought 120: hedge −120, open +20 (20%).
    expect(overhedged(rule, [pos("EUR", -100, -120)]).map((p) => p.currency)).toEqual(["EUR"]);
  });

  it("sits at the 5% tolerance: 5% passes, just above fires", () => {
    expect(overhedged(rule, [pos("USD", 100, 105)])).toEqual([]);
    expect(overhedged(rule, [pos("USD", 100, 105.01)])).toHaveLength(1);
  });

  it("leaves an under-hedge and an exact hedge alone", () => {
    expect(overhedged(rule, [pos("USD", 100, 60), pos("EUR", 100, 100), pos("GBP", -100, -40)])).toEqual([]);
  });

  it("calls a hedge with no net position to protect a position of its own", () => {
    const f = fxOverhedgeFinding(rule, [pos("THB", 0, 50e6)], "JPY")!;
    expect(f.severity).toBe("medium");
    expect(f.message).toContain("THB: no net position, yet hedges of JPY 50,000,000 leave the borrower short JPY 50,000,000");
    expect(f.ja?.message).toContain("THBはネット・ポジションがないにもかかわらず");
  });
});
