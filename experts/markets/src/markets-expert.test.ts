import type { CaseInput, ExpertResult, Policy } from "@kyocho/core";
import type { SubTaskInput } from "@kyocho/core/plan";
import { parseCase } from "@kyocho/core";
import { SubTaskSchema } from "@kyocho/core/plan";
import { describe, expect, it } from "vitest";
import { loadReferencePolicy } from "../test-support/reference-policy.js";
import { createMarketsExpert, marketsExpert } from "./markets-expert.js";

const policy: Policy = loadReferencePolicy();

async function run(caseInput: CaseInput | undefined, task: Partial<SubTaskInput> = {}, expert = marketsExpert): Promise<ExpertResult> {
  const c = caseInput === undefined ? undefined : parseCase(caseInput);
  const question = task.question ?? expert.subQuestion(c?.question ?? "", c);
  return expert.run({
    assessmentId: "test",
    task: SubTaskSchema.parse({ id: "markets", expert: "markets", ...task, question }),
    case: c,
    policy,
    dependencies: {},
  });
}

const ruleIds = (r: ExpertResult) => r.findings.map((f) => `${f.ruleId}:${f.severity}`).sort();

/** A diversified, liquid, short-duration book: nothing fires. */
const calmBook: CaseInput = {
  markets: {
    positions: [
      { id: "jgb-2y", issuer: "Japan MOF", kind: "bond", marketValue: 2_000, modifiedDuration: 1.9, adv: 1_000_000 },
      { id: "ntt-3y", issuer: "NTT", kind: "bond", marketValue: 2_000, modifiedDuration: 2.8, adv: 50_000 },
      { id: "loan-a", issuer: "Kansai Trading", kind: "loan", marketValue: 2_000, modifiedDuration: 0.5, adv: 500_000 },
      { id: "toyota", issuer: "Toyota", kind: "equity", marketValue: 2_000, adv: 100_000 },
      { id: "sony", issuer: "Sony", kind: "equity", marketValue: 2_000, adv: 80_000 },
    ],
  },
};

/**
 * A rates desk's book in JPY with USD at 150: a sovereign JGB, a pay-fixed swap hedge, one corporate issuer
 * under two spellings, a USD Treasury and a loan without adv.
 *
 *   DV01 (JPY/bp): jgb 8 × 40 000 × 0.0001 = 32; irs −20 (given); kp-bond 5 × 6 000 × 0.0001 = 3;
 *                  ust 6 × 20 × 0.0001 × 150 = 1.8; ms-loan 2 × 1 500 × 0.0001 = 0.3 → net 17.1
 *   rates book gross = 40 000 + |−500| + 6 000 + 20 × 150 + 1 500 = 51 000
 *   loss = 17.1 × 200 = 3 420; 3 420 / 51 000 = 6.71% → MKT-RATE medium (without the swap: 7 420 / 50 500 = 14.7%, high)
 *   whole book gross = 10 000 non-sovereign (500 + 6 000 + 2 000 + 1 500) + 43 000 sovereign (jgb 40 000, ust 20 × 150
 *                      = 3 000; in the book, never a name) = 53 000
 *   Kanto Power (two spellings) 8 000 / 53 000 = 15.09%, Minami Shipping 1 500 / 53 000 = 2.83%, Dealer Bank
 *   500 / 53 000 = 0.94%; HHI = 10 000 · (8 000² + 1 500² + 500²) / 53 000² = 10 000 · 66 500 000 / 2 809 000 000
 *   = 665 000 / 2 809 = 236.74 → no MKT-CONC (15.09% ≤ 25%, 236.74 ≤ 2 500)
 *   liquidity: kp-bond 6 000 / 30 000 = 0.2 (not above 0.2); ms-loan has no adv → DATA-GAP
 */
const ratesDesk: CaseInput = {
  bank: { baseCurrency: "JPY" },
  marketData: { USD: { spot: 150, vol: 0.1 } },
  markets: {
    positions: [
      { id: "jgb-10y", issuer: "Japan Government", kind: "bond", marketValue: 40_000, modifiedDuration: 8, sovereign: true, adv: 1e9 },
      { id: "irs-pay", issuer: "Dealer Bank", kind: "swap", marketValue: -500, dv01: -20, adv: 1e6 },
      { id: "kp-bond", issuer: "Kanto Power", kind: "bond", marketValue: 6_000, modifiedDuration: 5, adv: 30_000 },
      { id: "kp-eq", issuer: " kanto  power", kind: "equity", marketValue: 2_000, adv: 100_000 },
      { id: "ust-5y", issuer: "US Treasury", kind: "bond", currency: "USD", marketValue: 20, modifiedDuration: 6, sovereign: true, adv: 1e9 },
      { id: "ms-loan", issuer: "Minami Shipping", kind: "loan", marketValue: 1_500, modifiedDuration: 2 },
    ],
  },
};

describe("markets expert: definition", () => {
  it("is named markets, in the markets domain, with no dependencies", () => {
    expect(marketsExpert.name).toBe("markets");
    expect(marketsExpert.domain).toBe("markets");
    expect(marketsExpert.dependsOn(undefined)).toEqual([]);
    expect(() => marketsExpert.resolvePolicy(policy)).not.toThrow();
  });

  it("is required exactly when markets.positions is a non-empty list", () => {
    expect(marketsExpert.isRequired(parseCase(calmBook))).toBe(true);
    expect(marketsExpert.isRequired(parseCase({ markets: { positions: [] } }))).toBe(false);
    expect(marketsExpert.isRequired(parseCase({ borrower: { name: "Acme", country: "JP" } }))).toBe(false);
    expect(marketsExpert.isRequired(undefined)).toBe(false);
  });
});

describe("markets expert: runs", () => {
  it("finds nothing in a calm book and reports its metrics", async () => {
    const result = await run(calmBook);
    expect(result.status).toBe("ok");
    expect(result.findings).toEqual([]);
    expect(result.metrics).toMatchObject({
      totalMarketValue: 10_000,
      grossMarketValue: 10_000,
      ratesBookGrossValue: 6_000,
      largestIssuerShare: 0.2,
      hhi: 2000,
      "issuerShare.toyota": 0.2,
      maxLiquidityRatio: 0.04,
      worstShockBp: 200,
    });
    // DV01 = (1.9 + 2.8 + 0.5) × 2 000 × 0.0001 = 1.04 per bp; loss 1.04 × 200 = 208; 208 / 6 000.
    expect(result.metrics.netDv01).toBeCloseTo(1.04, 12);
    expect(result.metrics.rateShockLoss).toBeCloseTo(208, 9);
    expect(result.metrics.rateShockLossRatio).toBeCloseTo(208 / 6_000, 12);
    expect(result.notes).toEqual([]);
    expect(result.citations.length).toBeGreaterThan(0);
  });

  it("measures a rates desk with a pay-fixed swap, two spellings of one issuer, sovereigns and a USD bond", async () => {
    const result = await run(ratesDesk);
    expect(ruleIds(result)).toEqual(["DATA-GAP:medium", "MKT-RATE:medium"]);
    expect(result.metrics).toMatchObject({
      ratesBookGrossValue: 51_000,
      rateShockLossRatio: 0.067058823529412,
      worstShockBp: 200,
      nonSovereignGrossValue: 10_000,
      sovereignGrossValue: 43_000,
      maxLiquidityRatio: 0.2,
      totalMarketValue: 52_000,
      grossMarketValue: 53_000,
    });
    expect(result.metrics.netDv01).toBeCloseTo(17.1, 9);
    expect(result.metrics.rateShockLoss).toBeCloseTo(3_420, 6);
    expect(result.findings.find((f) => f.ruleId === "DATA-GAP")).toMatchObject({
      fields: ["markets.positions[5].adv"],
      ja: { title: "データ不足", message: expect.stringContaining("ms-loan") },
    });
    const rate = result.findings.find((f) => f.ruleId === "MKT-RATE")!;
    expect(rate).toMatchObject({
      expert: "markets",
      domain: "markets",
      source: "rule",
      citations: [{ document: "markets/markets-policy.md", section: "Rate sensitivity (MKT-RATE)" }],
      condition: "Hedge duration so that a 200bp move either way costs at most 5% of the rates book.",
      ja: { title: "金利感応度", condition: expect.stringContaining("上下いずれに200bp") },
    });
    expect(rate.message).toContain("JPY 3,420 (net DV01 +JPY 17.1 per bp), 6.71% of the JPY 51,000");
    expect(rate.ja?.message).toContain("損失は3,420円（ネット DV01 は1bpあたり+17.1円）");
    // The sovereigns are the denominator's bulk: Kanto Power is 15.09% of the 53 000 book, not 80% of 10 000.
    expect(result.metrics.largestIssuerShare).toBeCloseTo(8_000 / 53_000, 12);
    expect(result.metrics["issuerShare.kanto power"]).toBeCloseTo(0.1509, 4);
    expect(result.metrics["issuerShare.minami shipping"]).toBeCloseTo(1_500 / 53_000, 12);
    expect(result.metrics["issuerShare.dealer bank"]).toBeCloseTo(500 / 53_000, 12);
    expect(result.metrics.hhi).toBeCloseTo(665_000 / 2_809, 9);
    expect(result.metrics).not.toHaveProperty("issuerShare.japan government");
    expect(result.findings.some((f) => f.ruleId === "MKT-CONC")).toBe(false);
    expect(result.notes).toEqual([expect.stringContaining("2 sovereign positions (JPY 43,000 gross) counted in the book but not as a single name")]);
  });

  it("without the swap the same book is high on rates", async () => {
    const unhedged = structuredClone(ratesDesk);
    unhedged.markets!.positions.splice(1, 1);
    // net DV01 37.1 × 200 = 7 420 over 50 500 = 14.69% → high.
    const result = await run(unhedged);
    expect(result.findings.find((f) => f.ruleId === "MKT-RATE")?.severity).toBe("high");
    expect(result.metrics.rateShockLossRatio).toBe(0.14693069306931);
  });

  it("reports a missing spot as a DATA-GAP naming marketData.USD.spot and withholds what needs it", async () => {
    const noSpot = structuredClone(ratesDesk);
    delete noSpot.marketData;
    const result = await run(noSpot);
    expect(result.findings.filter((f) => f.ruleId === "DATA-GAP").map((f) => f.fields)).toEqual([["marketData.USD.spot"], ["markets.positions[5].adv"]]);
    expect(result.findings.some((f) => f.ruleId === "MKT-RATE")).toBe(false);
    expect(result.metrics).toMatchObject({ rateShockLossRatio: null, netDv01: null, totalMarketValue: null, sovereignGrossValue: null });
    // The UST is sovereign but counts in the book: without its yen value the denominator is unknown, so concentration
    // is withheld too (and no issuer share is reported).
    expect(result.metrics).toMatchObject({ largestIssuerShare: null, hhi: null, nonSovereignGrossValue: null });
    expect(Object.keys(result.metrics).filter((k) => k.startsWith("issuerShare."))).toEqual([]);
    expect(result.findings.some((f) => f.ruleId === "MKT-CONC")).toBe(false);
    expect(result.notes).toContain("MKT-CONC not evaluated: no spot for the currency of ust-5y.");
  });

  it("reports medium findings at the medium tiers", async () => {
    const result = await run({
      markets: {
        positions: [
          { id: "a", issuer: "A", kind: "bond", marketValue: 30, modifiedDuration: 3, adv: 100 },
          ...["B", "C", "D", "E", "F", "G", "H"].map((issuer) => ({
            id: issuer.toLowerCase(),
            issuer,
            kind: "bond" as const,
            marketValue: 10,
            modifiedDuration: 3,
            adv: 1_000,
          })),
        ],
      },
    });
    // Ratio 3 × 200bp = 6%, largest share 30% with HHI 900 + 7 × 100 = 1 600, liquidity 30 / 100 = 0.3.
    expect(ruleIds(result)).toEqual(["MKT-CONC:medium", "MKT-LIQ:medium", "MKT-RATE:medium"]);
  });

  it("reports a DATA-GAP naming each bond or loan without a duration", async () => {
    const result = await run({
      markets: {
        positions: [
          { id: "b1", issuer: "A", kind: "bond", marketValue: 100, modifiedDuration: 1, adv: 1e6 },
          { id: "b2", issuer: "B", kind: "bond", marketValue: 100, adv: 1e6 },
          { id: "e1", issuer: "C", kind: "equity", marketValue: 100, adv: 1e6 },
          { id: "l1", issuer: "D", kind: "loan", marketValue: 100, adv: 1e6 },
        ],
      },
    });
    const gaps = result.findings.filter((f) => f.ruleId === "DATA-GAP");
    expect(gaps).toEqual([
      expect.objectContaining({
        severity: "medium",
        fields: ["markets.positions[1].modifiedDuration", "markets.positions[3].modifiedDuration"],
      }),
    ]);
    expect(result.metrics).toMatchObject({ rateShockLoss: null, rateShockLossRatio: null });
    expect(result.findings.some((f) => f.ruleId === "MKT-RATE")).toBe(false);
  });

  it("answers a question-only run with passages and a DATA-GAP naming markets.positions", async () => {
    const result = await run(undefined, { question: "この債券ポートフォリオの金利リスクは？", role: "required" });
    expect(result.status).toBe("ok");
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: "DATA-GAP",
        severity: "medium",
        fields: ["markets.positions"],
        ja: expect.objectContaining({ message: expect.stringContaining("保有ポジションがありません") }),
      }),
    ]);
    expect(result.citations.length).toBeGreaterThan(0);
    expect(result.citations[0]?.document).toMatch(/^markets\/.*\.ja\.md$/);
    expect(result.metrics).toEqual({});
  });

  it("turns the gap into DATA-NEEDED guidance when the task is advisory", async () => {
    const result = await run({ question: "What happens to the trading book if rates rise?", borrower: { name: "Acme", country: "JP" } }, { role: "advisory" });
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: "DATA-NEEDED", severity: "info", fields: ["markets.positions"] })]);
    expect(result.citations.some((c) => c.section === "Rate sensitivity (MKT-RATE)")).toBe(true);
  });

  it("treats an empty positions list as no data", async () => {
    const result = await run({ markets: { positions: [] } });
    expect(result.findings.map((f) => f.fields)).toEqual([["markets.positions"]]);
  });

  it("uses the policy's thresholds, not built-in ones", async () => {
    const strict = structuredClone(policy);
    const section = strict.experts.markets as { rules: Record<string, { tiers?: unknown[] }> };
    section.rules["MKT-LIQ"]!.tiers = [{ above: 0.01, severity: "critical" }];
    const c = parseCase(calmBook);
    const result = await marketsExpert.run({
      assessmentId: "t",
      task: SubTaskSchema.parse({ id: "m", expert: "markets", question: "liquidity" }),
      case: c,
      policy: strict,
      dependencies: {},
    });
    expect(ruleIds(result)).toEqual(["MKT-LIQ:critical"]);
  });

  it("fails cleanly, naming the path, when its policy section is bad", async () => {
    const bad = structuredClone(policy);
    (bad.experts.markets as { rules: Record<string, Record<string, unknown>> }).rules["MKT-RATE"]!.shockBp = -5;
    const result = await createMarketsExpert().run({
      assessmentId: "t",
      task: SubTaskSchema.parse({ id: "m", expert: "markets", question: "rates" }),
      case: parseCase(calmBook),
      policy: bad,
      dependencies: {},
    });
    expect(result.status).toBe("failed");
    expect(result.error?.message).toContain("experts.markets.rules.MKT-RATE.shockBp");
  });
});
