import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { FxPolicySchema } from "../fx-policy.js";
import { fxStressFinding } from "./fx-stress.js";
import { boundaryCases, expectedSeverity } from "../../../../test/helpers/policy-tiers.js";

const policy = FxPolicySchema.parse(
  YAML.parse(readFileSync(new URL("../../../../councils/reference/policies/reference-v2.yaml", import.meta.url), "utf8")).experts.fx,
);
const rule = policy.rules["FX-STRESS"];
const run = (fxLoss: number, cfads: number) => fxStressFinding(rule, { fxLoss, cfads, currency: "USD" });

describe("FX-STRESS (reference: fxLoss / CFADS over the policy's tiers; CFADS ≤ 0 high)", () => {
  const shockPercent = `${Math.round(rule.shock * 100)}%`;

  it("rates the worked example's loss by the policy's tiers and says it in both languages", () => {
    // 23.5m / 75m = 31.33%
    const f = run(23.5e6, 75e6)!;
    expect(f).toMatchObject({
      ruleId: "FX-STRESS",
      severity: expectedSeverity(rule.tiers, 23.5 / 75),
      metrics: { fxLoss: 23.5e6, cfads: 75e6, shock: rule.shock },
    });
    expect(f.metrics.fxLossToCfads).toBeCloseTo(0.313333, 6);
    expect(f.message).toBe(
      `A ${shockPercent} adverse move on the open currency positions costs USD 23,500,000 over one year, 31.33% of cash flow available for debt service (USD 75,000,000).`,
    );
    expect(f.ja?.message).toBe(
      `為替がオープン・ポジションに対して${shockPercent}不利に動くと年間2,350万米ドルの損失が生じ、債務返済原資（CFADS、7,500万米ドル）の31.33%に相当する。`,
    );
    expect(f.ja?.title).toBe("為替ストレス損失");
  });

  // CFADS 1: the share is the loss itself, exactly.
  it.each(boundaryCases(rule.tiers))("a loss of %s of CFADS → %s, at and around the policy's tiers", (share, severity) => {
    expect(run(share, 1)?.severity).toBe(severity);
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
