import type { Position } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { referenceMarketsPolicy } from "../../test-support/reference-policy.js";
import type { RateRule } from "../markets-policy.js";
import { evaluateRateRule } from "./rate-rule.js";

const citation = { document: "markets/markets-policy.md", section: "Rate sensitivity (MKT-RATE)" };
const inline: RateRule = {
  title: "Rates",
  condition: "Hedge it.",
  citation,
  shockBp: 100,
  tiers: [
    { above: 0.03, severity: "medium" },
    { above: 0.06, severity: "critical" },
  ],
};
const reference = referenceMarketsPolicy().rules["MKT-RATE"];

const bond = (modifiedDuration: number | undefined, marketValue = 1_000, id = "b1"): Position => ({
  id, issuer: "MOF", kind: "bond", marketValue, ...(modifiedDuration === undefined ? {} : { modifiedDuration }),
});

describe("MKT-RATE with the reference policy (+200bp; > 5% medium, > 10% high)", () => {
  it.each([
    [2.4999, undefined],
    [2.5, undefined],
    [2.5001, "medium"],
    [4.9999, "medium"],
    [5, "medium"],
    [5.0001, "high"],
  ])("average duration %s → %s", (duration, severity) => {
    const { findings } = evaluateRateRule([bond(duration)], reference, "JPY");
    expect(findings[0]?.severity).toBe(severity);
    expect(findings.length).toBe(severity ? 1 : 0);
  });

  it("reports the metrics, citation and condition of the rule", () => {
    const { findings, metrics, gaps } = evaluateRateRule(
      [bond(6, 1_000), { id: "e", issuer: "Sony", kind: "equity", marketValue: 9_000 }],
      reference,
      "JPY",
    );
    expect(gaps).toEqual([]);
    expect(metrics).toEqual({ rateSensitiveMarketValue: 1_000, rateShockLoss: 120, rateShockLossRatio: 0.12 });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "MKT-RATE",
        severity: "high",
        metrics: { rateShockLoss: 120, rateShockLossRatio: 0.12, rateSensitiveMarketValue: 1_000 },
        citations: [citation],
        condition: reference.condition,
      }),
    ]);
    expect(findings[0]?.message).toContain("+200bp");
    expect(findings[0]?.message).toContain("12%");
  });
});

describe("MKT-RATE with an inline policy (+100bp; > 3% medium, > 6% critical)", () => {
  it.each([
    [2.9999, undefined],
    [3, undefined],
    [3.0001, "medium"],
    [5.9999, "medium"],
    [6, "medium"],
    [6.0001, "critical"],
  ])("duration %s → %s", (duration, severity) => {
    expect(evaluateRateRule([bond(duration)], inline, "USD").findings[0]?.severity).toBe(severity);
  });

  it("reports a single finding at the higher tier when both are met", () => {
    const { findings } = evaluateRateRule([bond(10)], inline, "USD");
    expect(findings.map((f) => f.severity)).toEqual(["critical"]);
  });
});

describe("MKT-RATE without rate-sensitive value", () => {
  it("gives no finding when there are no bonds or loans", () => {
    const outcome = evaluateRateRule([{ id: "e", issuer: "X", kind: "equity", marketValue: 10 }], reference, "JPY");
    expect(outcome.findings).toEqual([]);
    expect(outcome.gaps).toEqual([]);
    expect(outcome.metrics.rateShockLossRatio).toBeNull();
  });

  it("gives no finding when the bonds and loans are worth zero", () => {
    expect(evaluateRateRule([bond(8, 0)], reference, "JPY").findings).toEqual([]);
  });
});

describe("MKT-RATE with missing durations", () => {
  it("reports a gap naming each missing field and withholds the exact metrics", () => {
    const positions: Position[] = [
      bond(1, 1_000, "b1"),
      { id: "e", issuer: "X", kind: "equity", marketValue: 500 },
      bond(undefined, 1_000, "b2"),
      { id: "l1", issuer: "Y", kind: "loan", marketValue: 1_000 },
    ];
    const outcome = evaluateRateRule(positions, reference, "JPY");
    expect(outcome.gaps).toEqual([
      {
        fields: ["markets.positions[2].modifiedDuration", "markets.positions[3].modifiedDuration"],
        message: expect.stringContaining("b2, l1"),
      },
    ]);
    expect(outcome.metrics).toMatchObject({ rateShockLoss: null, rateShockLossRatio: null });
    expect(outcome.metrics.rateShockLossRatioFloor).toBeCloseTo(0.02 / 3, 12);
    expect(outcome.findings).toEqual([]); // a floor of 0.67% proves nothing
  });

  it("still reports a breach the known positions alone prove, as a floor", () => {
    const outcome = evaluateRateRule([bond(12, 1_000, "b1"), bond(undefined, 1_000, "b2")], reference, "JPY");
    expect(outcome.gaps).toHaveLength(1);
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        ruleId: "MKT-RATE",
        severity: "high",
        metrics: { rateShockLossFloor: 240, rateShockLossRatioFloor: 0.12, rateSensitiveMarketValue: 2_000 },
      }),
    ]);
    expect(outcome.findings[0]?.message).toContain("at least");
  });

  it("does not report a floor exactly at a threshold", () => {
    // Floor = 5 × 1 000 × 2% / 2 000 = 5%: not above 5%.
    expect(evaluateRateRule([bond(5, 1_000, "b1"), bond(undefined, 1_000, "b2")], reference, "JPY").findings).toEqual([]);
  });
});
