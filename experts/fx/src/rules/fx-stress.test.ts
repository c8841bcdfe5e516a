import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { FxPolicySchema } from "../fx-policy.js";
import { fxStressFinding } from "./fx-stress.js";

const policy = FxPolicySchema.parse(
  YAML.parse(readFileSync(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url), "utf8")).experts.fx,
);
const rule = policy.rules["FX-STRESS"];
const run = (fxLoss: number, cfads: number) => fxStressFinding(rule, { fxLoss, cfads, currency: "USD" });

describe("FX-STRESS (reference: fxLoss / CFADS > 10% medium, > 25% high; CFADS ≤ 0 high)", () => {
  it("is high above 25% of CFADS (the worked example)", () => {
    // 23.5m / 75m = 31.33%
    const f = run(23.5e6, 75e6)!;
    expect(f).toMatchObject({ ruleId: "FX-STRESS", severity: "high", metrics: { fxLoss: 23.5e6, cfads: 75e6, shock: 0.2 } });
    expect(f.metrics.fxLossToCfads).toBeCloseTo(0.313333, 6);
    expect(f.message).toBe(
      "A 20% adverse move on the open currency positions costs USD 23,500,000 over one year, 31.33% of cash flow available for debt service (USD 75,000,000).",
    );
    expect(f.ja?.message).toBe(
      "為替がオープン・ポジションに対して20%不利に動くと年間2,350万米ドルの損失が生じ、債務返済原資（CFADS、7,500万米ドル）の31.33%に相当する。",
    );
    expect(f.ja?.title).toBe("為替ストレス損失");
  });

  it("sits at the tiers: exactly 10% and 25% are not above them", () => {
    expect(run(10, 100)).toBeUndefined();
    expect(run(10.01, 100)?.severity).toBe("medium");
    expect(run(25, 100)?.severity).toBe("medium");
    expect(run(25.01, 100)?.severity).toBe("high");
  });

  it("rates any loss over a non-positive CFADS high, and no loss nothing", () => {
    const f = run(1, 0)!;
    expect(f).toMatchObject({ severity: "high", metrics: { fxLossToCfads: null, cfads: 0 } });
    expect(f.ja?.message).toContain("ゼロ以下");
    expect(run(1, -5)?.severity).toBe("high");
    expect(run(0, -5)).toBeUndefined();
    expect(run(0, 100)).toBeUndefined();
  });
});
