import { fileURLToPath } from "node:url";
import { loadPolicyFile, parseCase, type CaseInput, type ExpertResult } from "@kyocho/core";
import type { TaskRole } from "@kyocho/core/assessment";
import { describe, expect, it } from "vitest";
import { workedExample } from "../test-support/worked-example.js";
import { createFxExpert, fxExpert } from "./fx-expert.js";

const policy = loadPolicyFile(fileURLToPath(new URL("../../../councils/reference/policies/reference-v2.yaml", import.meta.url)));

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

/** A USD earner: revenue USD 300m, EBITDA 60m (CFADS = EBITDA), debt 100m. */
const usdEarner = (over: Record<string, unknown> = {}) => ({
  name: "Pacific Components Inc.",
  country: "US",
  financials: { currency: "USD", revenue: 300e6, ebitda: 60e6, totalDebt: 100e6, interestExpense: 5e6, annualDebtService: 15e6, ...over },
});
/** A JPY earner: revenue JPY 100bn, EBITDA 20bn (CFADS = EBITDA), debt 40bn. */
const jpyEarner = (over: Record<string, unknown> = {}) => ({
  name: "Sakura Trading",
  country: "JP",
  financials: { currency: "JPY", revenue: 100e9, ebitda: 20e9, totalDebt: 40e9, interestExpense: 0.4e9, annualDebtService: 4e9, ...over },
});
const loan = (amount: number, currency: string, over: Record<string, unknown> = {}) =>
  ({ type: "term_loan", amount, currency, tenorYears: 5, rate: 0.01, amortization: "linear", ...over }) as const;
const market = { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 165, vol: 0.08 }, TRY: { spot: 5, vol: 0.25 } };
const sell = (currency: string, notional: number) => ({ currency, notional, direction: "sell", instrument: "forward" }) as const;

describe("fx expert — identity and planning", () => {
  it("is named fx in the fx domain with a bilingual vocabulary and no dependencies", () => {
    expect(fxExpert.name).toBe("fx");
    expect(fxExpert.domain).toBe("fx");
    expect(fxExpert.keywords).toContain("hedge");
    expect(fxExpert.keywords).toContain("円安");
    expect(fxExpert.keywords).toContain("過剰ヘッジ");
    expect(fxExpert.dependsOn(parseCase(workedExample))).toEqual([]);
  });

  it("is required exactly when a currency other than the borrower's own appears", () => {
    expect(fxExpert.isRequired(parseCase(workedExample))).toBe(true);
    expect(fxExpert.isRequired(parseCase({ borrower: usdEarner(), facility: loan(200e6, "USD") }))).toBe(false);
    expect(fxExpert.isRequired(parseCase({ borrower: usdEarner(), facility: loan(30e9, "JPY") }))).toBe(true);
    expect(fxExpert.isRequired(parseCase({ borrower: jpyEarner({ foreignRevenueShare: { USD: 0.4 } }) }))).toBe(true);
    expect(fxExpert.isRequired(parseCase({ borrower: jpyEarner(), fx: { hedges: [] } }))).toBe(false);
    expect(fxExpert.isRequired(undefined)).toBe(false);
  });

  it("validates its policy section", () => {
    expect(fxExpert.resolvePolicy(policy).rules["FX-OVERHEDGE"].toleranceShareOfNet).toBe(0.05);
  });
});

describe("fx expert — the borrower's mismatch on full cases", () => {
  it("rates the worked example FX-HEDGE high and FX-STRESS high, with the metrics lending reads", async () => {
    const r = await run(workedExample);
    expect(ruleIds(r)).toEqual(["FX-HEDGE", "FX-STRESS"]);
    expect(finding(r, "FX-HEDGE")).toMatchObject({ expert: "fx", domain: "fx", severity: "high" });
    expect(finding(r, "FX-STRESS")?.severity).toBe("high");
    // fxLoss = 0.2 · (|−61.5m| + |56m|) = 23.5m; CFADS 100 − 15 − 10 = 75m; 23.5 / 75 = 31.33%.
    expect(r.metrics.fxLoss).toBeCloseTo(23.5e6, 3);
    expect(r.metrics.cfads).toBe(75e6);
    expect(r.metrics.fxLossToCfads).toBeCloseTo(0.313333, 6);
    expect(r.metrics).toMatchObject({ "inflow.EUR": 100e6, "outflow.EUR": 0, "net.EUR": 100e6, "hedgeRatio.EUR": 0.44, "hedgeRatio.JPY": 0, "hedge.JPY": 0 });
    expect(r.metrics["hedge.EUR"]).toBeCloseTo(44e6, 3);
    expect(r.metrics["open.EUR"]).toBeCloseTo(56e6, 3);
    expect(r.metrics["outflow.JPY"]).toBeCloseTo(61.5e6, 3);
    expect(r.metrics["open.JPY"]).toBeCloseTo(-61.5e6, 3);
    // Vol against USD: JPY max(0, 0.10) = 0.10; EUR max(0.08, 0.10) = 0.10 — neither above 15%, so no FX-VOL.
    expect(r.metrics).toMatchObject({ "vol.JPY": 0.1, "vol.EUR": 0.1 });
    // VaR = 2.326 · sqrt(10/252) · 0.10 · (61.5m + 56m) ≈ USD 5,444,366
    expect(r.metrics.var10d99).toBeCloseTo(5_444_365.92, 1);
    expect(r.notes).toEqual([]);
  });

  it("gives a USD loan to a USD earner no FX finding; a JPY loan to the same earner gets them", async () => {
    const usd = await run({ borrower: usdEarner(), facility: loan(200e6, "USD"), marketData: market }, { role: "advisory" });
    expect(usd.findings).toEqual([]);
    expect(usd.metrics).toMatchObject({ fxLoss: 0, cfads: 60e6, fxLossToCfads: 0, var10d99: 0 });
    expect(usd.notes.join(" ")).toContain("no currency mismatch");

    // JPY 30bn / 150 = USD 200m; linear 5y at 1%: DS 40m + 2m = 42m, all in JPY: net −42m (14% of revenue, material), unhedged.
    // fxLoss 0.2 · 42m = 8.4m over CFADS 60m = 14%: medium. Vol JPY against USD = max(0, 0.10): no FX-VOL.
    const jpy = await run({ borrower: usdEarner(), facility: loan(30e9, "JPY"), marketData: market });
    expect(ruleIds(jpy)).toEqual(["FX-HEDGE", "FX-STRESS"]);
    expect(finding(jpy, "FX-HEDGE")?.severity).toBe("high");
    expect(finding(jpy, "FX-STRESS")?.severity).toBe("medium");
    expect(jpy.metrics["net.JPY"]).toBeCloseTo(-42e6, 3);
    expect(jpy.metrics.fxLoss).toBeCloseTo(8.4e6, 3);
  });

  it("lets USD revenue offset USD debt service (a natural hedge): no finding", async () => {
    // USD debt 100m · 150 = JPY 15bn of 40bn → DS 1.5bn in USD; USD revenue 1.5% of 100bn = 1.5bn. Net 0.
    const r = await run({ borrower: jpyEarner({ foreignRevenueShare: { USD: 0.015 }, debtByCurrency: { USD: 100e6 } }), marketData: market });
    expect(r.findings).toEqual([]);
    expect(r.metrics["net.USD"]).toBeCloseTo(0, 3);
    expect(r.metrics.fxLoss).toBeCloseTo(0, 3);
  });

  it("reports an over-hedge as FX-OVERHEDGE and not as under-hedged", async () => {
    // USD revenue 10% of 100bn = 10bn; sold USD 100m · 150 = 15bn: open −5bn, 50% of net. Ratio clamps to 1.
    // fxLoss 0.2 · 5bn = 1bn = 5% of CFADS 20bn: no FX-STRESS.
    const r = await run({ borrower: jpyEarner({ foreignRevenueShare: { USD: 0.1 } }), fx: { hedges: [sell("USD", 100e6)] }, marketData: market });
    expect(ruleIds(r)).toEqual(["FX-OVERHEDGE"]);
    expect(finding(r, "FX-OVERHEDGE")).toMatchObject({ severity: "medium", metrics: { "open.USD": -5e9 } });
    expect(r.metrics).toMatchObject({ "hedgeRatio.USD": 1, fxLoss: 1e9, fxLossToCfads: 0.05 });
  });

  it("fires FX-VOL alone for a volatile currency hedged above the minimum but not fully", async () => {
    // TRY revenue 10% = 10bn; sold TRY 1.2bn · 5 = 6bn: ratio 0.6, open 4bn (40% of net). fxLoss 0.8bn = 4% of CFADS.
    const r = await run({ borrower: jpyEarner({ foreignRevenueShare: { TRY: 0.1 } }), fx: { hedges: [sell("TRY", 1.2e9)] }, marketData: market });
    expect(ruleIds(r)).toEqual(["FX-VOL"]);
    expect(finding(r, "FX-VOL")).toMatchObject({ severity: "medium", metrics: { "vol.TRY": 0.25, "open.TRY": 4e9 } });
    // VaR = 2.326 · sqrt(10/252) · 0.25 · 4bn ≈ JPY 463,350,291
    expect(r.metrics.var10d99).toBeCloseTo(463_350_290.9, 0);
  });

  it("takes max(vol_C, vol_F) as the cross volatility when F is not the base currency", async () => {
    // USD earner, EUR revenue 20% = 60m, unhedged. EUR vol 0.12 alone would pass; USD vol 0.16 makes EUR/USD 0.16 > 15%.
    const r = await run({
      borrower: usdEarner({ foreignRevenueShare: { EUR: 0.2 } }),
      marketData: { USD: { spot: 150, vol: 0.16 }, EUR: { spot: 165, vol: 0.12 } },
    });
    expect(finding(r, "FX-VOL")?.metrics["vol.EUR"]).toBe(0.16);
    const calmer = await run({
      borrower: usdEarner({ foreignRevenueShare: { EUR: 0.2 } }),
      marketData: { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 165, vol: 0.12 } },
    });
    expect(ruleIds(calmer)).not.toContain("FX-VOL");
  });

  it("rates any open position over a non-positive CFADS high", async () => {
    const r = await run({ borrower: jpyEarner({ ebitda: 1e9, taxesPaid: 2e9, foreignRevenueShare: { USD: 0.01 } }), marketData: market });
    // CFADS 1bn − 2bn = −1bn; USD net 1bn (1% of revenue: not material), open 1bn: loss 0.2bn.
    expect(ruleIds(r)).toEqual(["FX-STRESS"]);
    expect(finding(r, "FX-STRESS")).toMatchObject({ severity: "high", metrics: { fxLossToCfads: null, cfads: -1e9 } });
    expect(r.notes.join(" ")).not.toContain("CFADS is EBITDA");
  });

  it("notes a hedge written in the reporting currency and leaves it out", async () => {
    const r = await run({ borrower: jpyEarner(), fx: { hedges: [sell("JPY", 1e9)] }, marketData: market }, { role: "advisory" });
    expect(r.findings).toEqual([]);
    expect(r.notes.join(" ")).toContain("written in JPY, the reporting currency itself");
  });
});

describe("fx expert — data gaps", () => {
  it("names a missing spot, never guesses 1, and leaves the metrics null", async () => {
    const r = await run({ borrower: jpyEarner({ debtByCurrency: { EUR: 50e6 } }), marketData: { USD: { spot: 150, vol: 0.1 } } });
    expect(r.findings.map((f) => [f.ruleId, f.fields])).toEqual([["DATA-GAP", ["marketData.EUR.spot"]]]);
    expect(r.findings[0]!.ja?.message).toContain("marketData.EUR.spot");
    expect(r.metrics).toMatchObject({ fxLoss: null, cfads: null, "net.EUR": null, var10d99: null });
  });

  it("needs no spot for revenue shares alone, but names the missing vol for FX-VOL", async () => {
    // USD revenue 30% = 30bn, unhedged, no facility: FX-HEDGE medium; fxLoss 6bn = 30% of CFADS: high.
    const r = await run({ borrower: jpyEarner({ foreignRevenueShare: { USD: 0.3 } }) });
    expect(ruleIds(r)).toEqual(["FX-HEDGE", "FX-STRESS", "DATA-GAP"]);
    expect(finding(r, "FX-HEDGE")?.severity).toBe("medium");
    expect(finding(r, "DATA-GAP")).toMatchObject({ severity: "medium", fields: ["marketData.USD.vol"] });
    expect(r.metrics).toMatchObject({ fxLoss: 6e9, var10d99: null, "vol.USD": null });
  });

  it("names the reporting currency's vol when F is not the base currency", async () => {
    const r = await run({ borrower: usdEarner({ foreignRevenueShare: { EUR: 0.2 } }), marketData: { EUR: { spot: 165, vol: 0.08 } } });
    expect(finding(r, "DATA-GAP")?.fields).toEqual(["marketData.USD.vol"]);
  });

  it("reports foreign-currency debt above total debt as a DATA-CONFLICT and still measures", async () => {
    // USD 300m · 150 = JPY 45bn > total debt 40bn. DS share 45/40 · 4bn = 4.5bn in USD, as given.
    const r = await run({ borrower: jpyEarner({ debtByCurrency: { USD: 300e6 } }), marketData: market });
    expect(r.findings[0]).toMatchObject({ ruleId: "DATA-CONFLICT", fields: ["borrower.financials.debtByCurrency", "borrower.financials.totalDebt"] });
    expect(r.findings[0]!.ja?.message).toContain("450億円");
    expect(r.metrics["outflow.USD"]).toBeCloseTo(4.5e9, 3);
    // exactly equal is no conflict: USD 266,666,666.67 · 150 = 40bn
    const equal = await run({ borrower: jpyEarner({ debtByCurrency: { USD: 40e9 / 150 } }), marketData: market });
    expect(ruleIds(equal)).not.toContain("DATA-CONFLICT");
  });

  it("asks for borrower financials when required by hedges alone", async () => {
    const r = await run({ fx: { hedges: [sell("USD", 1e6)] }, marketData: market });
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.fields])).toEqual([["DATA-GAP", "medium", ["borrower.financials"]]]);
    expect(r.findings[0]!.ja?.message).toContain("通貨ミスマッチを測定できない");
  });

  it("answers an advisory question without a case with a DATA-NEEDED naming borrower.financials", async () => {
    const r = await run(undefined, { question: "How much of the dollar exposure should be hedged?", role: "advisory" });
    expect(r.findings).toEqual([expect.objectContaining({ ruleId: "DATA-NEEDED", severity: "info", fields: ["borrower.financials"] })]);
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.citations.every((c) => c.document.startsWith("fx/"))).toBe(true);
  });

  it("retrieves Japanese passages for a Japanese question", async () => {
    const r = await run(undefined, { question: "円安が進んだらドル建て借入の為替リスクはどうなる？", role: "advisory" });
    expect(r.citations[0]?.document).toMatch(/\.ja\.md$/);
  });
});

describe("fx expert — Japanese questions on a case", () => {
  it("adds the Japanese policy section to each rule citation and carries Japanese messages", async () => {
    const r = await run(workedExample, { question: "円建て150億円の融資で、米ドル建ての借入人の為替リスクは？" });
    expect(finding(r, "FX-HEDGE")?.citations).toEqual([
      { document: "fx/fx-policy.md", section: "Hedge ratio (FX-HEDGE)" },
      { document: "fx/fx-policy.ja.md", section: "ヘッジ比率 (FX-HEDGE)" },
    ]);
    expect(finding(r, "FX-STRESS")?.ja?.message).toContain("債務返済原資（CFADS、7,500万米ドル）の31.33%");
    expect(finding(r, "FX-HEDGE")?.ja?.condition).toBe("実行前に、重要な通貨別ネット・ポジションの50%以上をヘッジする。");
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
      case: parseCase(workedExample),
      policy: { ...rest, experts: {} },
      dependencies: {},
    });
    expect(result.status).toBe("failed");
    expect(result.error?.message).toContain("policy section");
  });
});
