import { fileURLToPath } from "node:url";
import { loadPolicyFile, parseCase, type CaseInput, type ExpertResult, type TaskRole } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { createFxExpert, fxExpert } from "./fx-expert.js";

const policy = loadPolicyFile(fileURLToPath(new URL("../../../graphs/policies/reference-v1.yaml", import.meta.url)));

const financials = (over: Record<string, unknown> = {}) => ({
  currency: "JPY",
  revenue: 50_000_000_000,
  ebitda: 10_000_000_000,
  totalDebt: 20_000_000_000,
  interestExpense: 500_000_000,
  annualDebtService: 2_000_000_000,
  ...over,
});
const borrower = (over: Record<string, unknown> = {}) => ({ name: "Sakura Trading", country: "JP", financials: financials(over) });
const usdFacility = { type: "term_loan", amount: 120_000_000, currency: "USD", tenorYears: 5, rate: 0.06, amortization: "bullet" } as const;

async function run(input: CaseInput | undefined, options: { question?: string; role?: TaskRole } = {}): Promise<ExpertResult> {
  const c = input === undefined ? undefined : parseCase(input);
  const question = fxExpert.subQuestion(options.question ?? "", c);
  const result = await fxExpert.run({
    assessmentId: "test",
    task: { id: "fx", expert: "fx", question, dependsOn: [], role: options.role ?? "required" },
    case: c,
    policy,
    dependencies: {},
  });
  expect(result.status, result.error?.message).toBe("ok");
  return result;
}
const ruleIds = (r: ExpertResult) => r.findings.map((f) => f.ruleId);
const finding = (r: ExpertResult, ruleId: string) => r.findings.find((f) => f.ruleId === ruleId);

/** A USD acquisition: USD 120m exposure a third hedged over 5 years, EUR fully hedged. */
const acquisition: CaseInput = {
  borrower: borrower(),
  facility: usdFacility,
  fx: {
    exposures: [
      { currency: "USD", amount: 100_000_000, tenorYears: 5 },
      { currency: "USD", amount: 20_000_000, tenorYears: 2 },
      { currency: "EUR", amount: 30_000_000, tenorYears: 0.5 },
    ],
    hedges: [
      { currency: "USD", notional: 40_000_000, instrument: "forward" },
      { currency: "EUR", notional: 30_000_000, instrument: "swap" },
    ],
  },
  marketData: { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 160, vol: 0.08 } },
};

describe("fx expert — identity and planning", () => {
  it("is named fx in the fx domain with a bilingual vocabulary", () => {
    expect(fxExpert.name).toBe("fx");
    expect(fxExpert.domain).toBe("fx");
    expect(fxExpert.keywords).toContain("hedge");
    expect(fxExpert.keywords).toContain("円安");
    expect(fxExpert.dependsOn(parseCase(acquisition))).toEqual([]);
  });

  it("is required by an fx section, a foreign-currency facility or foreign revenue", () => {
    expect(fxExpert.isRequired(parseCase(acquisition))).toBe(true);
    expect(fxExpert.isRequired(parseCase({ facility: usdFacility }))).toBe(true);
    expect(fxExpert.isRequired(parseCase({ borrower: borrower({ foreignRevenueShare: { USD: 0.4 } }) }))).toBe(true);
    expect(fxExpert.isRequired(parseCase({ borrower: borrower() }))).toBe(false);
    expect(fxExpert.isRequired(undefined)).toBe(false);
  });

  it("validates its policy section", () => {
    expect(fxExpert.resolvePolicy(policy).rules["FX-HEDGE"].minHedgeRatio).toBe(0.5);
  });
});

describe("fx expert — rules on a full case", () => {
  it("fires FX-HEDGE high and FX-STRESS medium on the USD acquisition, and exposes the metrics contract", async () => {
    const r = await run(acquisition);
    expect(ruleIds(r).sort()).toEqual(["FX-HEDGE", "FX-STRESS"]);
    expect(finding(r, "FX-HEDGE")).toMatchObject({
      expert: "fx",
      domain: "fx",
      severity: "high",
      metrics: { "hedgeRatio.USD": 0.33333333333333, "tenorYears.USD": 5 },
      citations: [{ document: "fx/fx-policy.md", section: "Hedge ratio (FX-HEDGE)" }],
      condition: "Hedge at least 50% of each currency exposure before drawdown.",
    });
    // 20% of USD 80m open at 150 = JPY 2.4bn, 24% of EBITDA JPY 10bn: medium, not high.
    expect(finding(r, "FX-STRESS")).toMatchObject({
      severity: "medium",
      metrics: { stressLoss: 2_400_000_000, ebitdaBase: 10_000_000_000, stressLossToEbitda: 0.24 },
    });
    expect(r.metrics).toMatchObject({
      "grossExposure.USD": 120_000_000,
      "hedged.USD": 40_000_000,
      "netOpen.USD": 80_000_000,
      "tenorYears.USD": 5,
      "grossExposure.EUR": 30_000_000,
      "hedgeRatio.EUR": 1,
      "netOpen.EUR": 0,
      stressLoss: 2_400_000_000,
      stressLossToEbitda: 0.24,
    });
    expect(r.metrics["hedgeRatio.USD"]).toBeCloseTo(1 / 3, 10);
    expect(r.metrics.var10d99).toBeCloseTo(2.326 * 0.1 * Math.sqrt(10 / 252) * 80_000_000 * 150, 2);
    expect(r.citations.length).toBeGreaterThan(0);
  });

  it("fires FX-VOL alone for a volatile currency hedged above the minimum but not fully", async () => {
    const r = await run({
      borrower: borrower(),
      fx: {
        exposures: [{ currency: "TRY", amount: 100_000_000, tenorYears: 3 }],
        hedges: [{ currency: "TRY", notional: 60_000_000, instrument: "forward" }],
      },
      marketData: { TRY: { spot: 4.5, vol: 0.25 } },
    });
    expect(ruleIds(r)).toEqual(["FX-VOL"]);
    expect(finding(r, "FX-VOL")).toMatchObject({ severity: "medium", metrics: { "vol.TRY": 0.25, "hedgeRatio.TRY": 0.6 } });
    // 20% of TRY 40m at 4.5 = JPY 36m: 0.36% of EBITDA, below every tier.
    expect(r.metrics.stressLossToEbitda).toBeCloseTo(0.0036, 10);
  });

  it("fires FX-STRESS high above 25% of EBITDA and converts a foreign-currency EBITDA at spot", async () => {
    const r = await run({
      borrower: borrower({ currency: "USD", ebitda: 10_000_000 }), // USD 10m = JPY 1.5bn
      fx: {
        exposures: [{ currency: "EUR", amount: 20_000_000, tenorYears: 1 }],
        hedges: [{ currency: "EUR", notional: 10_000_000, instrument: "option" }],
      },
      marketData: { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 160, vol: 0.08 } },
    });
    // 20% of EUR 10m at 160 = JPY 320m over JPY 1.5bn = 21.3%: medium. Hedge ratio 0.5 is at the minimum: no FX-HEDGE.
    expect(ruleIds(r)).toEqual(["FX-STRESS"]);
    expect(finding(r, "FX-STRESS")).toMatchObject({ severity: "medium", metrics: { ebitdaBase: 1_500_000_000 } });

    const worse = await run({
      borrower: borrower({ currency: "USD", ebitda: 5_000_000 }),
      fx: { exposures: [{ currency: "EUR", amount: 10_000_000, tenorYears: 1 }], hedges: [{ currency: "EUR", notional: 5_000_000, instrument: "forward" }] },
      marketData: { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 160, vol: 0.08 } },
    });
    // JPY 160m over JPY 750m = 21.3% → medium; halve EBITDA again for high.
    expect(finding(worse, "FX-STRESS")?.severity).toBe("medium");
    const worst = await run({
      borrower: borrower({ currency: "USD", ebitda: 2_000_000 }),
      fx: { exposures: [{ currency: "EUR", amount: 10_000_000, tenorYears: 1 }], hedges: [{ currency: "EUR", notional: 5_000_000, instrument: "forward" }] },
      marketData: { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 160, vol: 0.08 } },
    });
    expect(finding(worst, "FX-STRESS")?.severity).toBe("high");
    expect(finding(worst, "FX-STRESS")?.metrics.stressLossToEbitda).toBeCloseTo(160 / 300, 10);
  });

  it("rates any open position over a non-positive EBITDA high", async () => {
    const r = await run({
      borrower: borrower({ ebitda: -1_000_000 }),
      fx: { exposures: [{ currency: "USD", amount: 1_000, tenorYears: 0.5 }], hedges: [{ currency: "USD", notional: 900, instrument: "forward" }] },
      marketData: { USD: { spot: 150, vol: 0.1 } },
    });
    expect(ruleIds(r)).toEqual(["FX-STRESS"]);
    expect(finding(r, "FX-STRESS")).toMatchObject({ severity: "high", metrics: { stressLossToEbitda: null } });
    expect(r.metrics.stressLossToEbitda).toBeNull();
  });

  it("reports FX-HEDGE medium for a short tenor, and nothing else for a fully hedged second currency", async () => {
    const r = await run({
      borrower: borrower(),
      fx: {
        exposures: [
          { currency: "USD", amount: 1_000_000, tenorYears: 1 },
          { currency: "EUR", amount: 1_000_000, tenorYears: 7 },
        ],
        hedges: [
          { currency: "USD", notional: 400_000, instrument: "forward" },
          { currency: "EUR", notional: 1_200_000, instrument: "swap" },
        ],
      },
      marketData: { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 160, vol: 0.3 } },
    });
    expect(ruleIds(r)).toEqual(["FX-HEDGE"]);
    expect(finding(r, "FX-HEDGE")?.severity).toBe("medium");
    expect(r.metrics["hedgeRatio.EUR"]).toBe(1);
  });

  it("treats a zero-amount exposure as fully hedged, with no finding and no data needed", async () => {
    const r = await run({ fx: { exposures: [{ currency: "THB", amount: 0, tenorYears: 3 }] } });
    expect(r.findings).toEqual([]);
    expect(r.metrics).toMatchObject({ "hedgeRatio.THB": 1, "grossExposure.THB": 0, "netOpen.THB": 0, stressLoss: 0, var10d99: 0 });
  });

  it("notes an empty exposure list and a facility currency missing from it", async () => {
    const r = await run({ borrower: borrower(), facility: usdFacility, fx: { exposures: [] } });
    expect(r.findings).toEqual([]);
    expect(r.metrics).toMatchObject({ stressLoss: 0, stressLossToEbitda: 0, var10d99: 0 });
    expect(r.notes.join(" ")).toContain("fx.exposures is empty");
    expect(r.notes.join(" ")).toContain("USD");
  });

  it("values a base-currency exposure at spot 1 without asking for market data", async () => {
    const r = await run({
      borrower: borrower({ currency: "USD", ebitda: 1_000_000 }),
      fx: { exposures: [{ currency: "JPY", amount: 100_000_000, tenorYears: 2 }] },
      marketData: { USD: { spot: 150, vol: 0.1 } },
    });
    // 20% of JPY 100m = JPY 20m over USD 1m · 150 = JPY 150m: 13.3% → medium.
    expect(ruleIds(r).sort()).toEqual(["FX-HEDGE", "FX-STRESS"]);
    expect(finding(r, "FX-STRESS")?.severity).toBe("medium");
    expect(r.metrics.var10d99).toBe(0);
  });
});

describe("fx expert — data gaps", () => {
  it("names a missing spot and vol, still evaluates FX-HEDGE, and leaves the dependent metrics null", async () => {
    const r = await run({
      borrower: borrower(),
      fx: { exposures: [{ currency: "CNY", amount: 1_000_000, tenorYears: 2 }] },
      marketData: { USD: { spot: 150, vol: 0.1 } },
    });
    expect(ruleIds(r)).toEqual(["FX-HEDGE", "DATA-GAP", "DATA-GAP"]);
    const gaps = r.findings.filter((f) => f.ruleId === "DATA-GAP");
    expect(gaps.map((g) => g.fields)).toEqual([["marketData.CNY.spot"], ["marketData.CNY.vol"]]);
    expect(gaps.every((g) => g.severity === "medium")).toBe(true);
    expect(gaps[0]!.message).toContain("FX-STRESS");
    expect(gaps[1]!.message).toContain("FX-VOL");
    expect(r.metrics).toMatchObject({ "hedgeRatio.CNY": 0, stressLoss: null, stressLossToEbitda: null, var10d99: null });
  });

  it("asks for the borrower's EBITDA when financials are missing", async () => {
    const r = await run({
      fx: { exposures: [{ currency: "USD", amount: 1_000_000, tenorYears: 0.5 }], hedges: [{ currency: "USD", notional: 600_000, instrument: "forward" }] },
      marketData: { USD: { spot: 150, vol: 0.1 } },
    });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: "DATA-GAP", fields: ["borrower.financials.ebitda"] });
    expect(r.metrics).toMatchObject({ stressLoss: 12_000_000, ebitdaBase: null, stressLossToEbitda: null });
    expect(r.metrics.var10d99).toBeGreaterThan(0);
  });

  it("asks for the spot of a foreign financials currency", async () => {
    const r = await run({
      borrower: borrower({ currency: "GBP", ebitda: 1_000_000 }),
      fx: { exposures: [{ currency: "USD", amount: 1_000_000, tenorYears: 0.5 }], hedges: [{ currency: "USD", notional: 600_000, instrument: "forward" }] },
      marketData: { USD: { spot: 150, vol: 0.1 } },
    });
    expect(r.findings.map((f) => [f.ruleId, f.fields])).toEqual([["DATA-GAP", ["marketData.GBP.spot"]]]);
  });

  it("needs neither EBITDA nor market data when everything is hedged", async () => {
    const r = await run({
      fx: { exposures: [{ currency: "CNY", amount: 1_000, tenorYears: 2 }], hedges: [{ currency: "CNY", notional: 1_000, instrument: "swap" }] },
    });
    expect(r.findings).toEqual([]);
    expect(r.metrics).toMatchObject({ "hedgeRatio.CNY": 1, stressLoss: 0, var10d99: 0 });
  });

  it("reports a DATA-GAP naming fx.exposures for a foreign-currency facility without an fx section", async () => {
    const r = await run({ borrower: borrower(), facility: usdFacility });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: "DATA-GAP", severity: "medium", fields: ["fx.exposures"] });
    expect(r.findings[0]!.message).toContain("USD");
  });

  it("reports the same gap for foreign revenue without an fx section", async () => {
    const r = await run({ borrower: borrower({ foreignRevenueShare: { USD: 0.3, EUR: 0.1 } }) });
    expect(r.findings.map((f) => [f.ruleId, f.fields])).toEqual([["DATA-GAP", ["fx.exposures"]]]);
    expect(r.findings[0]!.message).toContain("USD, EUR");
  });
});

describe("fx expert — question-only runs", () => {
  it("answers an advisory question with passages and a DATA-NEEDED naming fx.exposures and marketData", async () => {
    const r = await run(undefined, { question: "How much of the dollar exposure should be hedged?", role: "advisory" });
    expect(r.findings).toEqual([
      expect.objectContaining({ ruleId: "DATA-NEEDED", severity: "info", fields: ["fx.exposures", "marketData"] }),
    ]);
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.citations.every((c) => c.document.startsWith("fx/"))).toBe(true);
  });

  it("reports a DATA-GAP when it is required but has no case", async () => {
    const r = await run(undefined, { role: "required" });
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.fields])).toEqual([["DATA-GAP", "medium", ["fx.exposures", "marketData"]]]);
  });

  it("treats a case with other data but no FX as question-only", async () => {
    const r = await run({ borrower: borrower() }, { question: "Is the borrower exposed to yen weakness?", role: "advisory" });
    expect(r.findings.map((f) => [f.ruleId, f.fields])).toEqual([["DATA-NEEDED", ["fx.exposures", "marketData"]]]);
  });

  it("retrieves Japanese passages for a Japanese question", async () => {
    const r = await run(undefined, { question: "円安が進んだらドル建て借入の為替リスクはどうなる？", role: "advisory" });
    expect(r.citations[0]?.document).toMatch(/\.ja\.md$/);
  });
});

describe("fx expert — Japanese questions on a case", () => {
  it("adds the Japanese policy section to each rule citation", async () => {
    const r = await run(acquisition, { question: "米ドル建ての買収資金1億2000万ドルを融資できるか。円安リスクは？" });
    expect(finding(r, "FX-HEDGE")?.citations).toEqual([
      { document: "fx/fx-policy.md", section: "Hedge ratio (FX-HEDGE)" },
      { document: "fx/fx-policy.ja.md", section: "ヘッジ比率 (FX-HEDGE)" },
    ]);
    expect(r.citations.some((c) => c.document.endsWith(".ja.md"))).toBe(true);
  });
});

describe("createFxExpert", () => {
  it("accepts its own time limit", () => {
    expect(createFxExpert({ timeoutMs: 5_000 }).timeoutMs).toBe(5_000);
  });

  it("fails cleanly, naming the path, when the policy lacks its section", async () => {
    const { experts: _dropped, ...rest } = policy;
    const result = await fxExpert.run({
      assessmentId: "t",
      task: { id: "fx", expert: "fx", question: "", dependsOn: [], role: "required" },
      case: parseCase(acquisition),
      policy: { ...rest, experts: {} },
      dependencies: {},
    });
    expect(result.status).toBe("failed");
    expect(result.error?.message).toContain("policy section");
  });
});
