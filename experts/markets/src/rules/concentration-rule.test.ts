import type { Position } from "@kyocho/core/case";
import { english } from "@kyocho/core/policy";
import { describe, expect, it } from "vitest";
import { referenceMarketsPolicy } from "../../test-support/reference-policy.js";
import { bookPositions } from "../calculators/book-positions.js";
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

const toBook = (positions: Position[]) => bookPositions(positions, "JPY", () => undefined);
/** A book with one position per share, issuers A, B, C … */
const book = (...shares: number[]) =>
  toBook(
    shares.map((share, i) => ({ id: `p${i}`, issuer: i < 26 ? String.fromCharCode(65 + i) : `Issuer ${i}`, kind: "bond", marketValue: share * 1_000_000 })),
  );
const evaluate = (b: ReturnType<typeof toBook>, rule: ConcentrationRule = reference) => evaluateConcentrationRule(b, rule, "JPY");

describe("MKT-CONC largest share with the reference policy (> 25% medium)", () => {
  // Many small issuers beside the largest keep the HHI far below 2 500.
  const withLargest = (largest: number) => book(largest, ...Array<number>(75).fill((1 - largest) / 75));
  it.each([
    [0.2499, undefined],
    [0.25, undefined],
    [0.2501, "medium"],
  ])("largest share %s → %s", (largest, severity) => {
    const { findings, metrics } = evaluate(withLargest(largest));
    expect(metrics.largestIssuerShare).toBe(largest);
    expect(metrics.hhi).toBeLessThan(2500);
    expect(findings[0]?.severity).toBe(severity);
  });
});

describe("MKT-CONC HHI with the reference policy (> 2 500 high)", () => {
  it("four equal issuers sit exactly at 2 500 and 25%: no finding", () => {
    const { findings, metrics } = evaluate(book(0.25, 0.25, 0.25, 0.25));
    expect(metrics).toMatchObject({ hhi: 2500, largestIssuerShare: 0.25 });
    expect(findings).toEqual([]);
  });

  it("just above 2 500 is high (and the largest share tier is also met: one finding)", () => {
    const { findings, metrics } = evaluate(book(0.2501, 0.2499, 0.25, 0.25));
    expect(metrics.hhi).toBeGreaterThan(2500);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: "MKT-CONC", severity: "high", citations: [citation], condition: english(reference.condition) });
    expect(findings[0]?.message).toContain("HHI");
    expect(findings[0]?.message).toContain("largest issuer, A");
  });

  it("just below 2 500 with a largest share above 25% is medium only", () => {
    const { findings, metrics } = evaluate(book(0.26, 0.24, 0.24, 0.24, 0.02));
    expect(metrics.hhi).toBeLessThan(2500);
    expect(findings.map((f) => f.severity)).toEqual(["medium"]);
  });
});

describe("MKT-CONC by issuerId, over the whole book (sovereigns count in it, never as a name), on gross value", () => {
  // Kanto Power 300 + " kanto  power" 100 = 400; Minami Shipping 400; Nishi Retail swap |−200| = 200;
  // non-sovereign gross 1 000, plus the JGB 5 000 (sovereign: in the book, not a name) → whole book 6 000.
  // Shares 400 / 6 000 = 6.67%, 400 / 6 000 = 6.67%, 200 / 6 000 = 3.33% (the JGB has none; shares sum to 1/6);
  // HHI = (100 · 1/15)² + (100 · 1/15)² + (100 · 1/30)² = 10 000 · (4 + 4 + 1) / 900 = 100 → no finding.
  // (Under the old non-sovereign denominator the same book was 40%, 40%, 20%, HHI 3 600: high.)
  const positions: Position[] = [
    { id: "kp-bond", issuer: "Kanto Power", kind: "bond", marketValue: 300 },
    { id: "kp-eq", issuer: " kanto  power", kind: "equity", marketValue: 100 },
    { id: "ms-loan", issuer: "Minami Shipping", kind: "loan", marketValue: 400 },
    { id: "nr-swap", issuer: "Nishi Retail", kind: "swap", marketValue: -200 },
    { id: "jgb", issuer: "Japan Government", kind: "bond", marketValue: 5_000, sovereign: true },
  ];

  it("groups two spellings of one issuer and counts the sovereign in the book but not as a name, saying so", () => {
    const { findings, metrics, notes } = evaluate(toBook(positions));
    expect(metrics).toMatchObject({
      largestIssuerShare: 0.066666666666667,
      hhi: 100,
      nonSovereignGrossValue: 1_000,
      sovereignGrossValue: 5_000,
      "issuerShare.kanto power": 0.066666666666667,
      "issuerShare.minami shipping": 0.066666666666667,
      "issuerShare.nishi retail": 0.033333333333333,
    });
    expect(metrics.largestIssuerShare).toBeCloseTo(400 / 6_000, 14);
    expect(Object.keys(metrics).filter((k) => k.startsWith("issuerShare."))).toHaveLength(3);
    expect(notes).toEqual([
      "MKT-CONC: 1 sovereign position (JPY 5,000 gross) counted in the book but not as a single name (no issuer share, no HHI term): jgb.",
    ]);
    expect(findings).toEqual([]);
  });

  it("says in the finding that the sovereigns count in the book but not as a name (both tiers met)", () => {
    // The JGB at 100 instead: whole book 1 000 + 100 = 1 100. Kanto Power 400 / 1 100 = 36.36% > 25% (medium);
    // HHI = 10 000 · (400² + 400² + 200²) / 1 100² = 10 000 · 360 000 / 1 210 000 = 2 975.2 > 2 500 (high) → one finding, high.
    const { findings } = evaluate(toBook([...positions.slice(0, 4), { ...positions[4]!, marketValue: 100 }]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "high",
      metrics: { nonSovereignGrossValue: 1_000, grossMarketValue: 1_100, "issuerShare.kanto power": 0.36363636363636 },
    });
    expect(findings[0]?.metrics.hhi).toBeCloseTo(2_975.2066, 3);
    expect(findings[0]?.message).toBe(
      "Issuer concentration in the JPY 1,100 gross book, sovereigns (jgb) counted in the book but not as a name: the largest issuer, " +
        "Kanto Power, is 36.36% of it (limit 25%); the HHI is 2,975 across 3 issuers (limit 2,500).",
    );
    expect(findings[0]?.ja?.message).toBe(
      "ブック全体（時価の絶対値合計1,100円。ソブリン（jgb）は分母に含め、単一発行体としては数えない）の発行体集中：" +
        "最大発行体のKanto Powerが36.36%を占めます（上限25%）。HHI は3発行体で2,975です（上限2,500）。",
    );
  });

  it("95 of sovereign and 5 of one corporate: the corporate is 5% of the book, no finding (it would be 100% outside the sovereign)", () => {
    // Whole book = 95 + 5 = 100; corporate share 5 / 100 = 5% ≤ 25%; HHI = (100 · 0.05)² = 25 ≤ 2 500.
    // The sovereign has no share and no HHI term. Against the non-sovereign book alone it would be 5 / 5 = 100%, HHI 10 000.
    const { findings, metrics } = evaluate(
      toBook([
        { id: "jgb", issuer: "Japan Government", kind: "bond", marketValue: 95, sovereign: true },
        { id: "corp", issuer: "Kita Steel", kind: "bond", marketValue: 5 },
      ]),
    );
    expect(metrics).toMatchObject({ largestIssuerShare: 0.05, hhi: 25, "issuerShare.kita steel": 0.05, nonSovereignGrossValue: 5, sovereignGrossValue: 95 });
    expect(Object.keys(metrics).filter((k) => k.startsWith("issuerShare."))).toEqual(["issuerShare.kita steel"]);
    expect(findings).toEqual([]);
  });

  it("an all-sovereign book has no concentration finding", () => {
    // Book 5 000 + 5 000 = 10 000, all sovereign: no name, so no share and no HHI; non-sovereign gross 0.
    const { findings, metrics } = evaluate(toBook([positions[4]!, { ...positions[4]!, id: "jgb2" }]));
    expect(findings).toEqual([]);
    expect(metrics).toMatchObject({ largestIssuerShare: null, hhi: null, nonSovereignGrossValue: 0, sovereignGrossValue: 10_000 });
  });

  it("is not evaluated when a non-sovereign position has no spot", () => {
    const { findings, metrics, notes } = evaluate(toBook([...positions, { id: "uk", issuer: "UK Co", kind: "bond", marketValue: 1, currency: "GBP" }]));
    expect(findings).toEqual([]);
    expect(metrics).toMatchObject({ largestIssuerShare: null, nonSovereignGrossValue: null });
    expect(notes.at(-1)).toContain("uk");
  });
});

describe("MKT-CONC with an inline policy (share > 40% high, HHI > 3 000 medium)", () => {
  it.each([
    [[0.3999, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1001], undefined],
    [[0.4, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], undefined],
    [[0.4001, 0.1, 0.1, 0.1, 0.1, 0.1, 0.0999], "high"],
  ] as const)("shares %j → %s", (shares, severity) => {
    const { findings, metrics } = evaluate(book(...shares), inline);
    expect(metrics.hhi).toBeLessThan(3000);
    expect(findings[0]?.severity).toBe(severity);
  });

  it.each([
    [[0.4, 0.3, 0.19, 0.11], 2982, undefined],
    [[0.4, 0.3, 0.2, 0.1], 3000, undefined],
    [[0.4, 0.3, 0.21, 0.09], 3022, "medium"],
  ] as const)("shares %j → HHI %s → %s", (shares, hhi, severity) => {
    const { findings, metrics } = evaluate(book(...shares), inline);
    expect(metrics.hhi).toBe(hhi);
    expect(findings[0]?.severity).toBe(severity);
  });

  it("both tiers met gives one finding at the higher severity", () => {
    expect(evaluate(book(0.9, 0.1), inline).findings.map((f) => f.severity)).toEqual(["high"]);
  });
});

describe("MKT-CONC without value", () => {
  it("gives no finding and null shares for an empty or zero-value book", () => {
    for (const b of [[], book(0, 0)]) {
      const outcome = evaluate(b);
      expect(outcome.findings).toEqual([]);
      expect(outcome.metrics).toMatchObject({ largestIssuerShare: null, hhi: null });
    }
  });
});
