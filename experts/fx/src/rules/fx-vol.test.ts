import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import type { CurrencyPosition } from "../fx-mismatch.js";
import { FxPolicySchema } from "../fx-policy.js";
import { fxVolFinding, volCandidate } from "./fx-vol.js";

const policy = FxPolicySchema.parse(
  YAML.parse(readFileSync(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url), "utf8")).experts.fx,
);
const rule = policy.rules["FX-VOL"];
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

describe("FX-VOL (reference: vol against F > 15% and |open| ≥ 5% of |net|; medium)", () => {
  it("flags a volatile currency with a material open part", () => {
    // TRY net 100m, hedge 60m: open 40m = 40% of net; vol 25% > 15%.
    const f = fxVolFinding(rule, [{ ...pos("TRY", 100e6, 60e6), vol: 0.25 }], "JPY")!;
    expect(f).toMatchObject({ ruleId: "FX-VOL", severity: "medium", metrics: { "vol.TRY": 0.25, "open.TRY": 40e6, volAbove: 0.15 } });
    expect(f.message).toBe(
      "Currencies with annualised volatility above 15% against JPY left open: TRY (vol 25%, open JPY 40,000,000, 40% of the net position).",
    );
    expect(f.ja?.message).toBe(
      "対円の年率ボラティリティが15%を超える通貨にオープン・ポジションが残る：TRY（ボラティリティ25%、オープン・ポジション4,000万円、ネット・ポジションの40%）。",
    );
  });

  it("sits at the vol threshold: 15% is not above it", () => {
    expect(fxVolFinding(rule, [{ ...pos("TRY", 100, 0), vol: 0.15 }], "JPY")).toBeUndefined();
    expect(fxVolFinding(rule, [{ ...pos("TRY", 100, 0), vol: 0.1501 }], "JPY")).toBeDefined();
  });

  it("sits at the open share: 5% of |net| is enough, less is not, nothing open never", () => {
    expect(volCandidate(rule, pos("TRY", 100, 95))).toBe(true); // open 5
    expect(volCandidate(rule, pos("TRY", 100, 95.01))).toBe(false);
    expect(volCandidate(rule, pos("TRY", -100, -100))).toBe(false);
    expect(fxVolFinding(rule, [{ ...pos("TRY", 100, 96), vol: 0.3 }], "JPY")).toBeUndefined();
  });

  it("counts the open position of an over-hedge and of a hedge with nothing to protect", () => {
    expect(volCandidate(rule, pos("TRY", 100, 150))).toBe(true); // open −50, 50% of net
    expect(volCandidate(rule, pos("TRY", 0, 10))).toBe(true);
  });
});
