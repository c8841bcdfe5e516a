import type { Position } from "@kyocho/core/case";
import { english } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import { referenceMarketsPolicy } from "../../test-support/reference-policy.js";
import type { LiquidityRule } from "../markets-policy.js";
import { evaluateLiquidityRule } from "./liquidity-rule.js";

const citation = { document: "markets/markets-policy.md", section: "Liquidity (MKT-LIQ)" };
const reference = referenceMarketsPolicy().rules["MKT-LIQ"];
const inline: LiquidityRule = {
  title: "Liquidity",
  condition: "Exit slowly.",
  citation,
  tiers: [
    { atLeast: 0.5, severity: "low" },
    { atLeast: 2, severity: "high" },
  ],
};

const position = (id: string, marketValue: number, adv?: number): Position => ({
  id,
  issuer: id.toUpperCase(),
  kind: "equity",
  marketValue,
  ...(adv === undefined ? {} : { adv }),
});

describe("MKT-LIQ with the reference policy (> 0.2 medium, > 1.0 high)", () => {
  it.each([
    [19.99, undefined],
    [20, undefined],
    [20.01, "medium"],
    [99.99, "medium"],
    [100, "medium"],
    [100.01, "high"],
    [-100.01, "high"],
  ])("marketValue %s over adv 100 → %s", (marketValue, severity) => {
    const { findings } = evaluateLiquidityRule([position("p", marketValue, 100)], reference);
    expect(findings[0]?.severity).toBe(severity);
    expect(findings.length).toBe(severity ? 1 : 0);
  });

  it("reports one finding at the highest tier, naming every flagged position, largest first, in both languages", () => {
    const { findings, metrics } = evaluateLiquidityRule([position("small", 10, 100), position("mid", 30, 100), position("big", -150, 100)], reference);
    expect(metrics).toEqual({
      maxLiquidityRatio: 1.5,
      "liquidityRatio.small": 0.1,
      "liquidityRatio.mid": 0.3,
      "liquidityRatio.big": 1.5,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: "MKT-LIQ",
      severity: "high",
      citations: [citation],
      condition: english(reference.condition),
      metrics: { maxLiquidityRatio: 1.5, "liquidityRatio.big": 1.5, "liquidityRatio.mid": 0.3 },
      message: "2 positions are large against their average daily traded value: big (1.5× ADV, high), mid (0.3× ADV, medium).",
    });
    expect(findings[0]?.ja?.message).toBe("1日平均売買代金に比べて大きいポジションが2件あります：big（ADV の1.5倍、高）、mid（ADV の0.3倍、中）。");
  });

  it("a position with a value and no adv is a gap naming its adv; the measured ones are still judged", () => {
    const outcome = evaluateLiquidityRule(
      [position("a", 1e12), position("b", 150, 100), position("flat", 0), { ...position("s", -5), kind: "swap" }],
      reference,
    );
    expect(outcome.gaps).toEqual([
      {
        fields: ["markets.positions[0].adv", "markets.positions[3].adv"],
        message: {
          en: "MKT-LIQ cannot assess 2 positions without an average daily traded value (adv): a, s.",
          ja: "1日平均売買代金（adv）のないポジションが2件あり、MKT-LIQ で流動性を評価できません：a、s。",
        },
      },
    ]);
    expect(outcome.metrics.maxLiquidityRatio).toBe(1.5);
    expect(outcome.findings.map((f) => f.severity)).toEqual(["high"]);
  });

  it("has a null maximum when no position has adv", () => {
    const outcome = evaluateLiquidityRule([position("a", 10)], reference);
    expect(outcome.metrics).toEqual({ maxLiquidityRatio: null });
    expect(outcome.findings).toEqual([]);
    expect(outcome.gaps).toHaveLength(1);
  });
});

describe("MKT-LIQ with an inline policy (>= 0.5 low, >= 2 high)", () => {
  it.each([
    [49.99, undefined],
    [50, "low"],
    [50.01, "low"],
    [199.99, "low"],
    [200, "high"],
    [200.01, "high"],
  ])("marketValue %s over adv 100 → %s", (marketValue, severity) => {
    expect(evaluateLiquidityRule([position("p", marketValue, 100)], inline).findings[0]?.severity).toBe(severity);
  });
});
