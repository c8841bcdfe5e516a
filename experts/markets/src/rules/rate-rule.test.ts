import type { Position } from "@kyocho/core/case";
import { english } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import { referenceMarketsPolicy } from "../../test-support/reference-policy.js";
import { bookPositions } from "../calculators/book-positions.js";
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

const book = (positions: Position[]) => bookPositions(positions, "JPY", (c) => (({ USD: 150 }) as Record<string, number>)[c]);
const bond = (modifiedDuration: number | undefined, marketValue = 1_000, id = "b1"): Position => ({
  id,
  issuer: "MOF",
  kind: "bond",
  marketValue,
  ...(modifiedDuration === undefined ? {} : { modifiedDuration }),
});
const swap = (dv01: number | undefined, marketValue = 0, id = "irs"): Position => ({
  id,
  issuer: "Dealer",
  kind: "swap",
  marketValue,
  ...(dv01 === undefined ? {} : { dv01 }),
});

describe("MKT-RATE with the reference policy (200bp either way; > 5% medium, > 10% high)", () => {
  it.each([
    [2.4999, undefined],
    [2.5, undefined],
    [2.5001, "medium"],
    [4.9999, "medium"],
    [5, "medium"],
    [5.0001, "high"],
  ])("average duration %s → %s", (duration, severity) => {
    const { findings } = evaluateRateRule(book([bond(duration)]), reference, "JPY");
    expect(findings[0]?.severity).toBe(severity);
    expect(findings.length).toBe(severity ? 1 : 0);
  });

  it("reports the metrics, citation, condition and a Japanese message with the same numbers", () => {
    // DV01 = 6 × 1 000 × 0.0001 = 0.6 per bp; loss 0.6 × 200 = 120 over gross 1 000 = 12% → high. The equity stays out.
    const { findings, metrics, gaps } = evaluateRateRule(
      book([bond(6, 1_000), { id: "e", issuer: "Sony", kind: "equity", marketValue: 9_000 }]),
      reference,
      "JPY",
    );
    expect(gaps).toEqual([]);
    expect(metrics.ratesBookGrossValue).toBe(1_000);
    expect(metrics.netDv01).toBeCloseTo(0.6, 12);
    expect(metrics.rateShockLoss).toBeCloseTo(120, 9);
    expect(metrics).toMatchObject({ rateShockLossRatio: 0.12, worstShockBp: 200 });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "MKT-RATE",
        severity: "high",
        citations: [citation],
        condition: english(reference.condition),
      }),
    ]);
    expect(findings[0]?.message).toMatch(/200bp parallel rise of rates would cost JPY 120 \(net DV01 \+JPY 0\.6 per bp\), 12% of the JPY 1,000 gross value/);
    expect(findings[0]?.ja?.message).toBe(
      "金利が200bp平行上昇すると、損失は120円（ネット DV01 は1bpあたり+0.6円）で、金利ブック（債券・貸出・スワップ）の時価の絶対値合計1,000円の12%に当たります。",
    );
    expect(findings[0]?.ja?.title).toBe("金利感応度");
  });

  it("a pay-fixed swap brings a high book back under the limit", () => {
    // Bonds 10 000 × 7 → DV01 7: loss 1 400 / 10 000 = 14% → high.
    // With a pay-fixed swap DV01 −5 worth −200: net 2, loss 400, gross 10 200 → 3.92%: no finding.
    expect(evaluateRateRule(book([bond(7, 10_000)]), reference, "JPY").findings[0]?.severity).toBe("high");
    const hedged = evaluateRateRule(book([bond(7, 10_000), swap(-5, -200)]), reference, "JPY");
    expect(hedged.findings).toEqual([]);
    expect(hedged.metrics).toMatchObject({ ratesBookGrossValue: 10_200, rateShockLossRatio: 0.03921568627451, worstShockBp: 200 });
    expect(hedged.metrics.netDv01).toBeCloseTo(2, 12);
  });

  it("an over-hedged book is measured on a fall in rates", () => {
    // net DV01 = 7 − 12 = −5; a 200bp fall costs 1 000; 1 000 / 10 200 = 9.80% → medium.
    const { findings, metrics } = evaluateRateRule(book([bond(7, 10_000), swap(-12, -200)]), reference, "JPY");
    expect(metrics.worstShockBp).toBe(-200);
    expect(findings[0]?.severity).toBe("medium");
    expect(findings[0]?.message).toContain("200bp parallel fall of rates would cost JPY 1,000 (net DV01 −JPY 5 per bp), 9.8%");
    expect(findings[0]?.ja?.message).toContain("金利が200bp平行低下すると、損失は1,000円");
  });

  it("a par swap alone has no ratio but a loss over no value: the highest tier", () => {
    const { findings, metrics } = evaluateRateRule(book([swap(3, 0)]), reference, "JPY");
    expect(metrics).toMatchObject({ ratesBookGrossValue: 0, rateShockLoss: 600, rateShockLossRatio: null });
    expect(findings[0]?.severity).toBe("high");
    expect(findings[0]?.message).toContain("no gross value");
  });
});

describe("MKT-RATE with an inline policy (100bp; > 3% medium, > 6% critical)", () => {
  it.each([
    [2.9999, undefined],
    [3, undefined],
    [3.0001, "medium"],
    [5.9999, "medium"],
    [6, "medium"],
    [6.0001, "critical"],
  ])("duration %s → %s", (duration, severity) => {
    expect(evaluateRateRule(book([bond(duration)]), inline, "USD").findings[0]?.severity).toBe(severity);
  });
});

describe("MKT-RATE without rate-sensitive value", () => {
  it("gives no finding when there are no bonds, loans or swaps", () => {
    const outcome = evaluateRateRule(book([{ id: "e", issuer: "X", kind: "equity", marketValue: 10 }]), reference, "JPY");
    expect(outcome.findings).toEqual([]);
    expect(outcome.gaps).toEqual([]);
    expect(outcome.metrics.rateShockLossRatio).toBeNull();
  });

  it("gives no finding when the bonds and loans are worth zero", () => {
    expect(evaluateRateRule(book([bond(8, 0)]), reference, "JPY").findings).toEqual([]);
  });
});

describe("MKT-RATE with missing DV01s", () => {
  it("reports a gap naming modifiedDuration for bonds and loans, dv01 for swaps, in both languages", () => {
    const positions: Position[] = [
      bond(1, 1_000, "b1"),
      { id: "e", issuer: "X", kind: "equity", marketValue: 500 },
      bond(undefined, 1_000, "b2"),
      { id: "l1", issuer: "Y", kind: "loan", marketValue: 1_000 },
      swap(undefined, 0, "s1"),
    ];
    const outcome = evaluateRateRule(book(positions), reference, "JPY");
    expect(outcome.gaps).toEqual([
      {
        fields: ["markets.positions[2].modifiedDuration", "markets.positions[3].modifiedDuration", "markets.positions[4].dv01"],
        message: {
          en: expect.stringContaining("3 positions of the rates book without dv01 or modifiedDuration (b2, l1, s1)"),
          ja: expect.stringContaining("DV01 も修正デュレーションもないポジションが3件あります（b2、l1、s1）"),
        },
      },
    ]);
    expect(outcome.metrics).toMatchObject({ rateShockLoss: null, rateShockLossRatio: null, netDv01: null });
    expect(outcome.metrics.rateShockLossRatioFloor).toBe(0); // the missing swap could offset anything
    expect(outcome.findings).toEqual([]);
  });

  it("still reports a breach the known positions alone prove, as a floor", () => {
    // Known 12 × 1 000 × 0.0001 = 1.2 per bp; the missing bond is long, so it can only add: 240 / 2 000 = 12% → high.
    const outcome = evaluateRateRule(book([bond(12, 1_000, "b1"), bond(undefined, 1_000, "b2")]), reference, "JPY");
    expect(outcome.gaps).toHaveLength(1);
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        ruleId: "MKT-RATE",
        severity: "high",
        metrics: { rateShockLossFloor: expect.closeTo(240, 9), rateShockLossRatioFloor: 0.12, ratesBookGrossValue: 2_000 },
      }),
    ]);
    expect(outcome.findings[0]?.message).toContain("at least");
    expect(outcome.findings[0]?.ja?.message).toContain("少なくとも");
  });

  it("does not report a floor exactly at a threshold", () => {
    // Floor = 5 × 1 000 × 0.0001 × 200 / 2 000 = 5%: not above 5%.
    expect(evaluateRateRule(book([bond(5, 1_000, "b1"), bond(undefined, 1_000, "b2")]), reference, "JPY").findings).toEqual([]);
  });

  it("is not evaluated when a rates position has no spot (the expert reports that gap)", () => {
    const outcome = evaluateRateRule(book([bond(12, 1_000), { ...bond(5, 10), id: "gbp", currency: "GBP" }]), reference, "JPY");
    expect(outcome.findings).toEqual([]);
    expect(outcome.gaps).toEqual([]);
    expect(outcome.metrics).toMatchObject({ ratesBookGrossValue: null, rateShockLossRatio: null });
    expect(outcome.notes).toEqual([expect.stringContaining("gbp")]);
  });
});
