import type { Position } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { referenceMarketsPolicy } from "../../test-support/reference-policy.js";
import type { ConcentrationRule } from "../markets-policy.js";
import { evaluateConcentrationRule } from "./concentration-rule.js";

const citation = { document: "markets/markets-policy.md", section: "Concentration (MKT-CONC)" };
const reference = referenceMarketsPolicy().rules["MKT-CONC"];
const inline: ConcentrationRule = {
  title: "Concentration",
  condition: "Diversify.",
  citation,
  largestShareAbove: 0.4,
  largestShareSeverity: "high",
  hhiAbove: 3000,
  hhiSeverity: "medium",
};

/** A book with one position per share, issuers A, B, C … */
const book = (...shares: number[]): Position[] =>
  shares.map((share, i) => ({ id: `p${i}`, issuer: String.fromCharCode(65 + i), kind: "bond", marketValue: share * 1_000_000 }));

describe("MKT-CONC largest share with the reference policy (> 25% medium)", () => {
  // Many small issuers beside the largest keep the HHI far below 2 500.
  const withLargest = (largest: number) => book(largest, ...Array<number>(75).fill((1 - largest) / 75));
  it.each([
    [0.2499, undefined],
    [0.25, undefined],
    [0.2501, "medium"],
  ])("largest share %s → %s", (largest, severity) => {
    const { findings, metrics } = evaluateConcentrationRule(withLargest(largest), reference);
    expect(metrics.largestIssuerShare).toBe(largest);
    expect(metrics.hhi).toBeLessThan(2500);
    expect(findings[0]?.severity).toBe(severity);
  });
});

describe("MKT-CONC HHI with the reference policy (> 2 500 high)", () => {
  it("four equal issuers sit exactly at 2 500 and 25%: no finding", () => {
    const { findings, metrics } = evaluateConcentrationRule(book(0.25, 0.25, 0.25, 0.25), reference);
    expect(metrics).toMatchObject({ hhi: 2500, largestIssuerShare: 0.25 });
    expect(findings).toEqual([]);
  });

  it("just above 2 500 is high (and the largest share tier is also met: one finding)", () => {
    const { findings, metrics } = evaluateConcentrationRule(book(0.2501, 0.2499, 0.25, 0.25), reference);
    expect(metrics.hhi).toBeGreaterThan(2500);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: "MKT-CONC", severity: "high", citations: [citation], condition: reference.condition });
    expect(findings[0]?.message).toContain("HHI");
    expect(findings[0]?.message).toContain("largest issuer, A");
  });

  it("just below 2 500 with a largest share above 25% is medium only", () => {
    const { findings, metrics } = evaluateConcentrationRule(book(0.26, 0.24, 0.24, 0.24, 0.02), reference);
    expect(metrics.hhi).toBeLessThan(2500);
    expect(findings.map((f) => f.severity)).toEqual(["medium"]);
  });

  it("a single-issuer book is 100% and HHI 10 000: high", () => {
    const positions: Position[] = [
      { id: "a", issuer: "Acme", kind: "bond", marketValue: 10 },
      { id: "b", issuer: "Acme", kind: "equity", marketValue: 30 },
    ];
    const { findings, metrics } = evaluateConcentrationRule(positions, reference);
    expect(metrics).toMatchObject({ largestIssuerShare: 1, hhi: 10_000, "issuerShare.Acme": 1 });
    expect(findings[0]).toMatchObject({ severity: "high", metrics: { largestIssuerShare: 1, hhi: 10_000, "issuerShare.Acme": 1 } });
  });
});

describe("MKT-CONC with an inline policy (share > 40% high, HHI > 3 000 medium)", () => {
  // Six 10% issuers beside the largest keep the HHI near 2 200, far from 3 000: only the share tier can fire.
  it.each([
    [[0.3999, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1001], undefined],
    [[0.4, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], undefined],
    [[0.4001, 0.1, 0.1, 0.1, 0.1, 0.1, 0.0999], "high"],
  ] as const)("shares %j → %s", (shares, severity) => {
    const { findings, metrics } = evaluateConcentrationRule(book(...shares), inline);
    expect(metrics.hhi).toBeLessThan(3000);
    expect(findings[0]?.severity).toBe(severity);
  });

  // A largest share of exactly 40% (not above) leaves only the HHI tier able to fire.
  it.each([
    [[0.4, 0.3, 0.19, 0.11], 2982, undefined],
    [[0.4, 0.3, 0.2, 0.1], 3000, undefined],
    [[0.4, 0.3, 0.21, 0.09], 3022, "medium"],
  ] as const)("shares %j → HHI %s → %s", (shares, hhi, severity) => {
    const { findings, metrics } = evaluateConcentrationRule(book(...shares), inline);
    expect(metrics.hhi).toBe(hhi);
    expect(findings[0]?.severity).toBe(severity);
  });

  it("both tiers met gives one finding at the higher severity, whichever rule it comes from", () => {
    const { findings } = evaluateConcentrationRule(book(0.9, 0.1), inline);
    expect(findings.map((f) => f.severity)).toEqual(["high"]);
  });
});

describe("MKT-CONC without value", () => {
  it("gives no finding and null metrics for an empty or zero-value book", () => {
    for (const positions of [[], book(0, 0)]) {
      const outcome = evaluateConcentrationRule(positions, reference);
      expect(outcome.findings).toEqual([]);
      expect(outcome.metrics).toEqual({ largestIssuerShare: null, hhi: null });
    }
  });

  it("exposes every issuer's share as issuerShare.<issuer>", () => {
    const { metrics } = evaluateConcentrationRule(book(0.5, 0.3, 0.2), reference);
    expect(metrics).toMatchObject({ "issuerShare.A": 0.5, "issuerShare.B": 0.3, "issuerShare.C": 0.2 });
  });
});
