import { parseCase, type CaseInput, type ExpertResult, type Policy } from "@kyocho/core";
import type { TaskRole } from "@kyocho/core/assessment";
import { describe, expect, it } from "vitest";
import { loadReferencePolicy } from "../test-support/reference-policy.js";
import { createLendingExpert, lendingExpert } from "./lending-expert.js";

const policy = loadReferencePolicy();

async function run(
  input: CaseInput | undefined,
  options: { question?: string; role?: TaskRole; dependencies?: Record<string, ExpertResult>; policy?: Policy } = {},
) {
  const c = input === undefined ? undefined : parseCase(input);
  const question = lendingExpert.subQuestion(options.question ?? "", c);
  const result = await lendingExpert.run({
    assessmentId: "test",
    task: { id: "lending", expert: "lending", question, dependsOn: [], role: options.role ?? "required" },
    case: c,
    policy: options.policy ?? policy,
    dependencies: options.dependencies ?? {},
  });
  expect(result.error).toBeUndefined();
  return result;
}

const ids = (r: ExpertResult) => r.findings.map((f) => `${f.ruleId}:${f.severity}`);
const finding = (r: ExpertResult, ruleId: string) => r.findings.find((f) => f.ruleId === ruleId);

const financials = { currency: "JPY", revenue: 1_000, ebitda: 100, totalDebt: 500, interestExpense: 30, annualDebtService: 70, cash: 20 };
const facility = {
  type: "term_loan" as const,
  amount: 150,
  currency: "JPY",
  tenorYears: 12,
  rate: 0.05,
  amortization: "linear" as const,
  collateral: [{ type: "real_estate" as const, value: 250, currency: "JPY" }],
};
const borrower = { name: "Sakura Foods", country: "JP", financials };

const fxResult = (metrics: Record<string, number | null>, status: ExpertResult["status"] = "ok"): ExpertResult => ({
  taskId: "fx",
  expert: "fx",
  domain: "fx",
  role: "required",
  status,
  findings: [],
  metrics,
  citations: [],
  notes: [],
});

describe("lending expert: identity and planning", () => {
  it("is named lending, in the lending domain, with bilingual keywords", () => {
    expect(lendingExpert.name).toBe("lending");
    expect(lendingExpert.domain).toBe("lending");
    expect(lendingExpert.keywords).toContain("covenant");
    expect(lendingExpert.keywords).toContain("与信");
  });

  it("is required when borrower.financials or facility is present", () => {
    expect(lendingExpert.isRequired(parseCase({ borrower }))).toBe(true);
    expect(lendingExpert.isRequired(parseCase({ facility }))).toBe(true);
    expect(lendingExpert.isRequired(parseCase({ borrower: { name: "A", country: "JP" } }))).toBe(false);
    expect(lendingExpert.isRequired(undefined)).toBe(false);
  });

  it("depends on fx whenever a currency other than F is named (fx is then required)", () => {
    const usd = { ...financials, currency: "USD" };
    const usdBorrower = (extra: object = {}) => ({ ...borrower, financials: { ...usd, ...extra } });
    const marketData = { USD: { spot: 150, vol: 0.1 } };
    // A USD loan to a USD earner: no fx.
    expect(lendingExpert.dependsOn(parseCase({ borrower: usdBorrower(), facility: { ...facility, currency: "USD" }, marketData }))).toEqual([]);
    // A JPY loan to a USD earner: fx.
    expect(lendingExpert.dependsOn(parseCase({ borrower: usdBorrower(), facility, marketData }))).toEqual(["fx"]);
    expect(lendingExpert.dependsOn(parseCase({ borrower: usdBorrower({ foreignCostShare: { EUR: 0.2 } }) }))).toEqual(["fx"]);
    expect(lendingExpert.dependsOn(parseCase({ borrower: usdBorrower({ debtByCurrency: { EUR: 5 } }) }))).toEqual(["fx"]);
    expect(
      lendingExpert.dependsOn(
        parseCase({ borrower: usdBorrower(), fx: { hedges: [{ currency: "EUR", notional: 1, direction: "sell", instrument: "forward" }] } }),
      ),
    ).toEqual(["fx"]);
    expect(lendingExpert.dependsOn(parseCase({ borrower, facility }))).toEqual([]);
    expect(lendingExpert.dependsOn(undefined)).toEqual([]);
  });
});

describe("lending expert: a full deal in one currency", () => {
  it("fires leverage, DSCR, ICR, LTV and tenor with the metrics it used (hand-computed)", async () => {
    // newDebt 150; pro-forma debt 500 + 150 = 650; net debt 650 − 20 = 630; leverage 6.3 (high).
    // New debt service 150/12 + 150·5% = 12.5 + 7.5 = 20; DS 70 + 20 = 90; CFADS = EBITDA 100; DSCR 1.11 (high).
    // Interest 30 + 7.5 = 37.5; ICR 2.67 (medium). LTV 150 / (250 · 0.7 = 175) = 85.7% (medium). Tenor 12 (medium).
    const r = await run({ borrower, facility });
    expect(r.status).toBe("ok");
    expect(ids(r)).toEqual(["LEN-LEV:high", "LEN-DSCR:high", "LEN-ICR:medium", "LEN-LTV:medium", "LEN-TENOR:medium"]);
    expect(r.metrics).toMatchObject({
      newDebt: 150,
      refinanced: 0,
      proFormaDebt: 650,
      netDebt: 630,
      cfads: 100,
      cfadsBasisEbitda: 1,
      debtService: 90,
      interest: 37.5,
      tenorYears: 12,
      collateralValueAfterHaircuts: 175,
      fxLoss: 0,
    });
    expect(r.metrics.leverage).toBeCloseTo(6.3, 12);
    expect(r.metrics.dscr).toBeCloseTo(100 / 90, 12);
    expect(r.metrics.icr).toBeCloseTo(100 / 37.5, 12);
    expect(r.metrics.ltv).toBeCloseTo(150 / 175, 12);
    // No currency other than F: the FX loss is nil and the stressed DSCR is the DSCR.
    expect(r.metrics.fxStressedDscr).toBeCloseTo(100 / 90, 12);
    expect(r.metrics).not.toHaveProperty("balloonYears");
    expect(r.notes.join(" ")).toMatch(/CFADS basis: EBITDA/);
    for (const f of r.findings) {
      expect(f.expert).toBe("lending");
      expect(f.condition).toBeTruthy();
      expect(f.ja?.message).toBeTruthy();
      expect(f.ja?.title).toMatch(/[\p{Script=Han}\p{Script=Katakana}]/u);
      for (const citation of f.citations) expect(lendingExpert.knowledge.has(citation.document, citation.section)).toBe(true);
    }
  });

  it("reports nothing when the credit is comfortable", async () => {
    const r = await run({
      borrower: { ...borrower, financials: { ...financials, totalDebt: 100, annualDebtService: 20, interestExpense: 5 } },
      facility: { ...facility, tenorYears: 5, collateral: [{ type: "cash", value: 300, currency: "JPY" }] },
    });
    expect(r.findings).toEqual([]);
  });
});

describe("lending expert: refinancing", () => {
  it("takes the refinanced debt out of debt, debt service and interest", async () => {
    // Refinances 200 of 500: scale 0.6 → existing DS 42, interest 18. Pro-forma debt 500 − 200 + 150 = 450, net 430: 4.3x (medium).
    // 5-year linear: new DS 150/5 + 7.5 = 37.5; DS 42 + 37.5 = 79.5: DSCR 1.26; interest 18 + 7.5 = 25.5: ICR 3.92 — both fine.
    // Without taking the refinanced debt out, DS would be 70 + 37.5 = 107.5: DSCR 0.93, critical.
    const r = await run({ borrower, facility: { ...facility, tenorYears: 5, refinances: 200 } });
    expect(ids(r)).toEqual(["LEN-LEV:medium", "LEN-LTV:medium"]);
    expect(r.metrics).toMatchObject({ refinanced: 200, proFormaDebt: 450, netDebt: 430, debtService: 79.5, interest: 25.5 });
    expect(r.metrics.dscr).toBeCloseTo(100 / 79.5, 12);
    expect(r.metrics.leverage).toBeCloseTo(4.3, 12);
  });

  it("caps refinancing above total debt and reports a DATA-CONFLICT", async () => {
    // Refinanced capped at 500: pro-forma debt 150, net 130, leverage 1.3; DS 0 + 37.5 = 37.5: DSCR 2.67.
    const r = await run({ borrower, facility: { ...facility, tenorYears: 5, refinances: 800 } });
    expect(ids(r)).toEqual(["DATA-CONFLICT:medium", "LEN-LTV:medium"]);
    expect(finding(r, "DATA-CONFLICT")?.fields).toEqual(["facility.refinances", "borrower.financials.totalDebt"]);
    expect(finding(r, "DATA-CONFLICT")?.ja?.message).toContain("借換額 JPY 800");
    expect(r.metrics).toMatchObject({ refinanced: 500, proFormaDebt: 150, netDebt: 130, debtService: 37.5 });
    expect(r.metrics.dscr).toBeCloseTo(100 / 37.5, 12);
  });
});

describe("lending expert: debt service that contradicts the debt", () => {
  it("reports debt service below interest as a DATA-CONFLICT and still computes the ratios", async () => {
    // ADS 25 < interest 30. DS 25 + 37.5 = 62.5: DSCR 1.6 (as given); leverage 6.3 (high); ICR 100 / 37.5 (medium).
    const r = await run({ borrower: { ...borrower, financials: { ...financials, annualDebtService: 25 } }, facility: { ...facility, tenorYears: 5 } });
    expect(ids(r)).toEqual(["DATA-CONFLICT:medium", "LEN-LEV:high", "LEN-ICR:medium", "LEN-LTV:medium"]);
    expect(r.metrics.dscr).toBeCloseTo(100 / 62.5, 12);
  });

  it("reports zero debt service with debt as a DATA-CONFLICT; with no facility DSCR is then unlimited (null)", async () => {
    const r = await run({ borrower: { ...borrower, financials: { ...financials, annualDebtService: 0 } } });
    // Net debt 480 / 100 = 4.8 (medium); ICR 100 / 30 = 3.33.
    expect(ids(r)).toEqual(["DATA-CONFLICT:medium", "LEN-LEV:medium"]);
    expect(finding(r, "DATA-CONFLICT")?.fields).toEqual(["borrower.financials.annualDebtService", "borrower.financials.totalDebt"]);
    expect(r.metrics.dscr).toBeNull();
    expect(r.metrics.debtService).toBe(0);
  });
});

describe("lending expert: CFADS", () => {
  it("takes taxes, maintenance capex and working capital off EBITDA", async () => {
    // CFADS 100 − 10 − 15 − 5 = 70; DS 70 + 37.5 = 107.5: DSCR 0.65 (critical).
    const r = await run({
      borrower: { ...borrower, financials: { ...financials, taxesPaid: 10, maintenanceCapex: 15, workingCapitalChange: 5 } },
      facility: { ...facility, tenorYears: 5 },
    });
    expect(finding(r, "LEN-DSCR")?.severity).toBe("critical");
    expect(r.metrics).toMatchObject({ cfads: 70, cfadsBasisEbitda: 0 });
    expect(r.metrics.dscr).toBeCloseTo(70 / 107.5, 12);
    expect(r.notes.join(" ")).toMatch(/CFADS basis: cash flow/);
  });
});

describe("lending expert: leverage", () => {
  it("gives no leverage finding to a borrower with net cash, even with losses", async () => {
    const r = await run({ borrower: { ...borrower, financials: { ...financials, ebitda: -20, cash: 900 } } });
    expect(finding(r, "LEN-LEV")).toBeUndefined();
    expect(r.metrics.netDebt).toBe(-400); // 500 − 900
    expect(r.metrics.leverage).toBeNull();
  });

  it("rates losses with net debt critical, and ICR below 1.0 critical", async () => {
    // EBITDA −20: leverage critical; DSCR −20 / 107.5 critical; ICR −20 / 37.5 critical (the new tier).
    const r = await run({ borrower: { ...borrower, financials: { ...financials, ebitda: -20 } }, facility: { ...facility, tenorYears: 5 } });
    expect(ids(r)).toEqual(["LEN-LEV:critical", "LEN-DSCR:critical", "LEN-ICR:critical", "LEN-LTV:medium"]);
  });

  it("measures gross debt when the case gives no cash, and says so", async () => {
    const { cash: _omit, ...noCash } = financials;
    const r = await run({ borrower: { ...borrower, financials: noCash } });
    expect(r.metrics.netDebt).toBe(500);
    expect(r.notes.join(" ")).toMatch(/no cash/);
  });
});

describe("lending expert: balloon", () => {
  it("judges a 5-year bullet on new debt over CFADS", async () => {
    // Bullet 400 at 5%: new DS 20; DS 90; balloon 400 / 100 = 4 years (medium).
    const r = await run({
      borrower: { ...borrower, financials: { ...financials, totalDebt: 0, interestExpense: 0, annualDebtService: 0, cash: 0 } },
      facility: { ...facility, amount: 400, amortization: "bullet", tenorYears: 5, type: "bond", collateral: undefined },
    });
    expect(ids(r)).toEqual(["LEN-BALLOON:medium"]);
    expect(r.metrics.balloonYears).toBe(4);
  });

  it("does not look at a 3-year bullet", async () => {
    const r = await run({ borrower, facility: { ...facility, amortization: "bullet", tenorYears: 3 } });
    expect(finding(r, "LEN-BALLOON")).toBeUndefined();
    expect(r.metrics).not.toHaveProperty("balloonYears");
  });
});

describe("lending expert: collateral", () => {
  const marketData = { USD: { spot: 150, vol: 0.1 } };
  it("values foreign collateral and prior charges in the facility currency after haircuts", async () => {
    // USD 2 building → JPY 300, × 0.7 = 210; prior USD 0.2 → JPY 30. LTV (150 + 30) / 210 = 85.7% (medium).
    const r = await run({
      facility: { ...facility, tenorYears: 5, collateral: [{ type: "real_estate", value: 2, currency: "USD", priorCharges: 0.2 }] },
      marketData,
    });
    expect(ids(r)).toEqual(["DATA-GAP:medium", "LEN-LTV:medium"]);
    expect(r.metrics.collateralValueAfterHaircuts).toBeCloseTo(210, 12);
    expect(r.metrics.ltv).toBeCloseTo(180 / 210, 12);
  });

  it("reports a missing collateral spot as a DATA-GAP, still judging the rest", async () => {
    const r = await run({ borrower, facility: { ...facility, collateral: [{ type: "securities", value: 2, currency: "USD" }] } });
    expect(finding(r, "DATA-GAP")?.fields).toEqual(["marketData.USD.spot"]);
    expect(finding(r, "DATA-GAP")?.ja?.message).toContain("LTV");
    expect(r.metrics.ltv).toBeNull();
    expect(finding(r, "LEN-LEV")).toBeDefined();
  });

  it("skips LTV without collateral, and says so", async () => {
    const r = await run({ borrower, facility: { ...facility, collateral: undefined } });
    expect(finding(r, "LEN-LTV")).toBeUndefined();
    expect(r.metrics).not.toHaveProperty("ltv");
    expect(r.notes.join(" ")).toMatch(/LEN-LTV not applied/);
  });
});

describe("lending expert: currencies and the fx expert's FX loss", () => {
  const marketData = { USD: { spot: 150, vol: 0.1 } };
  // A USD earner: EBITDA 130, debt 300, interest 10, ADS 90. A JPY 15,000 3-year bullet at 2% = USD 100, new DS 2: DS 92, DSCR 1.41.
  const usdBorrower = {
    ...borrower,
    financials: { currency: "USD", revenue: 1000, ebitda: 130, totalDebt: 300, interestExpense: 10, annualDebtService: 90, cash: 0 },
  };
  const jpyLoan = { ...facility, amount: 15_000, tenorYears: 3, rate: 0.02, amortization: "bullet" as const, collateral: undefined };

  it("converts the facility into F through the base", async () => {
    const r = await run({ borrower: usdBorrower, facility: jpyLoan, marketData }, { dependencies: { fx: fxResult({ fxLoss: 0 }) } });
    expect(r.metrics).toMatchObject({ newDebt: 100, proFormaDebt: 400, debtService: 92 });
    expect(r.findings).toEqual([]);
  });

  it("stresses CFADS by the fx expert's fxLoss and reports it when stricter than LEN-DSCR", async () => {
    // (130 − 20) / 92 = 1.196 (high); LEN-DSCR 1.41 silent.
    const r = await run({ borrower: usdBorrower, facility: jpyLoan, marketData }, { dependencies: { fx: fxResult({ fxLoss: 20 }) } });
    expect(ids(r)).toEqual(["LEN-FXDSCR:high"]);
    expect(r.metrics.fxLoss).toBe(20);
    expect(r.metrics.fxStressedDscr).toBeCloseTo(110 / 92, 12);
    expect(finding(r, "LEN-FXDSCR")?.ja?.message).toContain("為替オープン・ポジション");
  });

  it("is not reported when LEN-DSCR already has the same severity", async () => {
    // ADS 105 → DS 107: DSCR 1.215 (high); stressed (130 − 5) / 107 = 1.168 (high): nothing new.
    const r = await run(
      { borrower: { ...usdBorrower, financials: { ...usdBorrower.financials, annualDebtService: 105 } }, facility: jpyLoan, marketData },
      { dependencies: { fx: fxResult({ fxLoss: 5 }) } },
    );
    expect(ids(r)).toEqual(["LEN-DSCR:high"]);
  });

  it.each([
    ["fx did not run", undefined, /no fx expert result/],
    ["fx failed", fxResult({}, "failed"), /did not finish \(failed\)/],
    ["fx reports fxLoss null", fxResult({ fxLoss: null }), /reports no fxLoss/],
    ["fx reports no fxLoss", fxResult({}), /reports no fxLoss/],
  ] as [string, ExpertResult | undefined, RegExp][])("does not guess when %s: a note, fxStressedDscr null", async (_what, fx, note) => {
    const r = await run({ borrower: usdBorrower, facility: jpyLoan, marketData }, { dependencies: fx ? { fx } : {} });
    expect(finding(r, "LEN-FXDSCR")).toBeUndefined();
    expect(r.metrics.fxStressedDscr).toBeNull();
    expect(r.metrics.fxLoss).toBeNull();
    expect(r.notes.join(" ")).toMatch(note);
    expect(r.notes.join(" ")).toContain("JPY");
  });

  it("reports a missing spot as a DATA-GAP naming marketData.<CUR>.spot, still judging tenor", async () => {
    const r = await run({ borrower: usdBorrower, facility: { ...jpyLoan, tenorYears: 12 } });
    expect(ids(r)).toEqual(["DATA-GAP:medium", "LEN-TENOR:medium"]);
    expect(finding(r, "DATA-GAP")?.fields).toEqual(["marketData.USD.spot"]);
    expect(finding(r, "DATA-GAP")?.ja?.message).toContain("marketData.USD.spot");
    expect(r.metrics.leverage).toBeNull();
    expect(r.metrics.proFormaDebt).toBeNull();
  });
});

describe("lending expert: partial data", () => {
  it("judges a facility without financials on LTV and tenor, with a DATA-GAP naming borrower.financials", async () => {
    const r = await run({ facility });
    expect(ids(r)).toEqual(["DATA-GAP:medium", "LEN-LTV:medium", "LEN-TENOR:medium"]);
    expect(finding(r, "DATA-GAP")?.fields).toEqual(["borrower.financials"]);
    expect(finding(r, "DATA-GAP")?.ja?.message).toContain("LEN-BALLOON");
    expect(r.metrics).not.toHaveProperty("leverage");
  });

  it("judges financials without a facility, skipping LTV, tenor and balloon", async () => {
    // Net debt 480 / 100 = 4.8 (medium); DSCR 100 / 70, ICR 100 / 30 fine.
    const r = await run({ borrower });
    expect(ids(r)).toEqual(["LEN-LEV:medium"]);
    expect(r.metrics).toMatchObject({ newDebt: 0, debtService: 70, netDebt: 480 });
    expect(r.metrics).not.toHaveProperty("tenorYears");
  });

  it("treats no debt service and no interest as unlimited cover (metric null, no finding)", async () => {
    const r = await run({ borrower: { ...borrower, financials: { ...financials, totalDebt: 0, interestExpense: 0, annualDebtService: 0 } } });
    expect(r.findings).toEqual([]);
    expect(r.metrics.dscr).toBeNull();
    expect(r.metrics.icr).toBeNull();
  });
});

describe("lending expert: no data", () => {
  it("answers a Japanese question-only run with Japanese passages and a bilingual DATA-GAP", async () => {
    const r = await run(undefined, { question: "買収ファイナンスのコベナンツはどう設定すべきですか？" });
    expect(ids(r)).toEqual(["DATA-GAP:medium"]);
    expect(r.findings[0]!.fields).toEqual(["borrower.financials", "facility"]);
    expect(r.findings[0]!.ja?.message).toContain("借り手の財務データ");
    expect(r.citations[0]!.document).toMatch(/\.ja\.md$/);
    expect(r.metrics).toEqual({});
  });

  it("fails with the path of a bad policy section instead of guessing", async () => {
    const bad = structuredClone(policy);
    (bad.experts.lending as any).rules["LEN-LTV"].haircuts.gold = 0.1;
    const r = await createLendingExpert().run({
      assessmentId: "test",
      task: { id: "lending", expert: "lending", question: "", dependsOn: [], role: "required" },
      case: parseCase({ borrower }),
      policy: bad,
      dependencies: {},
    });
    expect(r.status).toBe("failed");
    expect(r.error?.message).toMatch(/experts\.lending\.rules\.LEN-LTV\.haircuts/);
  });
});
