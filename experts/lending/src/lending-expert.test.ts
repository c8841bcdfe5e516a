import { parseCase, type CaseInput, type ExpertResult, type Policy, type TaskRole } from "@kyocho/core";
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

const financials = {
  currency: "JPY",
  revenue: 1_000,
  ebitda: 100,
  totalDebt: 500,
  interestExpense: 30,
  annualDebtService: 70,
};
const facility = {
  type: "term_loan" as const,
  amount: 150,
  currency: "JPY",
  tenorYears: 12,
  rate: 0.05,
  amortization: "linear" as const,
  collateralValue: 170,
};
const borrower = { name: "Sakura Foods", country: "JP", financials };

const fxResult = (hedgeRatios: Record<string, number>, status: ExpertResult["status"] = "ok"): ExpertResult => ({
  taskId: "fx",
  expert: "fx",
  domain: "fx",
  role: "required",
  status,
  findings: [],
  metrics: Object.fromEntries(Object.entries(hedgeRatios).map(([c, h]) => [`hedgeRatio.${c}`, h])),
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
    expect(lendingExpert.isRequired(parseCase({ fx: { exposures: [{ currency: "USD", amount: 1, tenorYears: 1 }] } }))).toBe(false);
    expect(lendingExpert.isRequired(undefined)).toBe(false);
  });

  it("depends on fx only when foreign revenue is named in a currency other than F", () => {
    const withShares = (foreignRevenueShare: Record<string, number>) =>
      parseCase({ borrower: { ...borrower, financials: { ...financials, foreignRevenueShare } } });
    expect(lendingExpert.dependsOn(withShares({ USD: 0.3 }))).toEqual(["fx"]);
    expect(lendingExpert.dependsOn(withShares({ JPY: 1 }))).toEqual([]);
    expect(lendingExpert.dependsOn(parseCase({ borrower, facility }))).toEqual([]);
    expect(lendingExpert.dependsOn(undefined)).toEqual([]);
  });
});

describe("lending expert: a full deal in one currency", () => {
  it("fires leverage, DSCR, ICR, LTV and tenor with the metrics it used", async () => {
    const r = await run({ borrower, facility });
    expect(r.status).toBe("ok");
    expect(ids(r)).toEqual(["LEN-LEV:high", "LEN-DSCR:high", "LEN-ICR:medium", "LEN-LTV:medium", "LEN-TENOR:medium"]);
    expect(r.metrics).toMatchObject({ facilityAmountInF: 150, newDebtService: 20, leverage: 6.5, tenorYears: 12 });
    expect(r.metrics.dscr).toBeCloseTo(100 / 90, 12);
    expect(r.metrics.icr).toBeCloseTo(100 / 37.5, 12);
    expect(r.metrics.ltv).toBeCloseTo(150 / 170, 12);
    expect(r.metrics).not.toHaveProperty("fxStressedDscr");
    for (const f of r.findings) {
      expect(f.expert).toBe("lending");
      expect(f.domain).toBe("lending");
      expect(f.condition).toBeTruthy();
      for (const citation of f.citations) expect(lendingExpert.knowledge.has(citation.document, citation.section)).toBe(true);
    }
  });

  it("reports nothing when the credit is comfortable", async () => {
    const r = await run({
      borrower: { ...borrower, financials: { ...financials, totalDebt: 100, annualDebtService: 20, interestExpense: 5 } },
      facility: { ...facility, tenorYears: 5, collateralValue: 300 },
    });
    expect(r.findings).toEqual([]);
  });

  it("returns retrieved passages as citations", async () => {
    const r = await run({ borrower, facility }, { question: "What leverage covenant should we ask for?" });
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.citations[0]!.document).toMatch(/^lending\//);
  });
});

describe("lending expert: currencies", () => {
  const marketData = { USD: { spot: 150, vol: 0.1 }, EUR: { spot: 160, vol: 0.08 } };
  const eurBorrower = { ...borrower, financials: { ...financials, currency: "EUR" } };

  it("converts the facility into the financials currency through the base", async () => {
    const r = await run({ borrower: eurBorrower, facility: { ...facility, currency: "USD", amount: 160 }, marketData });
    expect(r.metrics.facilityAmountInF).toBeCloseTo(150, 12);
    expect(r.metrics.leverage).toBeCloseTo(6.5, 12);
    // LTV stays in the facility currency: 160 / 170.
    expect(r.metrics.ltv).toBeCloseTo(160 / 170, 12);
  });

  it("reports a missing spot as a DATA-GAP naming marketData.<CUR>.spot, still judging LTV and tenor", async () => {
    const r = await run({
      borrower: eurBorrower,
      facility: { ...facility, currency: "USD" },
      marketData: { USD: marketData.USD },
    });
    expect(ids(r)).toEqual(["DATA-GAP:medium", "LEN-LTV:medium", "LEN-TENOR:medium"]);
    expect(finding(r, "DATA-GAP")?.fields).toEqual(["marketData.EUR.spot"]);
    expect(r.metrics.facilityAmountInF).toBeNull();
    expect(r.metrics).not.toHaveProperty("leverage");
  });
});

describe("lending expert: partial data", () => {
  it("judges a facility without financials on LTV and tenor, with a DATA-GAP naming borrower.financials", async () => {
    const r = await run({ facility });
    expect(ids(r)).toEqual(["DATA-GAP:medium", "LEN-LTV:medium", "LEN-TENOR:medium"]);
    expect(finding(r, "DATA-GAP")?.fields).toEqual(["borrower.financials"]);
    expect(r.metrics).toMatchObject({ tenorYears: 12 });
    expect(r.metrics).not.toHaveProperty("leverage");
  });

  it("judges financials without a facility with A_F = 0, skipping LTV and tenor", async () => {
    const r = await run({ borrower });
    expect(ids(r)).toEqual(["LEN-LEV:medium"]); // 500 / 100; DSCR 100 / 70 and ICR 100 / 30 are fine
    expect(r.metrics).toMatchObject({ facilityAmountInF: 0, newDebtService: 0, leverage: 5 });
    expect(r.metrics).not.toHaveProperty("tenorYears");
    expect(r.metrics).not.toHaveProperty("ltv");
  });

  it("skips LTV for an unsecured facility, and says so", async () => {
    const { collateralValue: _omit, ...unsecured } = facility;
    const r = await run({ borrower, facility: unsecured });
    expect(finding(r, "LEN-LTV")).toBeUndefined();
    expect(r.notes.join(" ")).toMatch(/LEN-LTV not applied/);
  });

  it("treats no debt service and no interest as unlimited cover (metric null, no finding)", async () => {
    const r = await run({
      borrower: { ...borrower, financials: { ...financials, totalDebt: 0, interestExpense: 0, annualDebtService: 0 } },
    });
    expect(r.findings).toEqual([]);
    expect(r.metrics.dscr).toBeNull();
    expect(r.metrics.icr).toBeNull();
  });

  it("rates zero or negative EBITDA critical on leverage", async () => {
    const r = await run({ borrower: { ...borrower, financials: { ...financials, ebitda: -20 } }, facility });
    expect(ids(r)).toEqual(["LEN-LEV:critical", "LEN-DSCR:critical", "LEN-ICR:high", "LEN-LTV:medium", "LEN-TENOR:medium"]);
    expect(r.metrics.leverage).toBeNull();
  });
});

describe("lending expert: FX-stressed coverage", () => {
  // EBITDA 100, debt service 75 → DSCR 1.33 (no finding); half the revenue in USD.
  const fxBorrower = {
    ...borrower,
    financials: { ...financials, totalDebt: 100, annualDebtService: 75, interestExpense: 10, foreignRevenueShare: { USD: 0.5, JPY: 0.5 } },
  };

  it("stresses unhedged USD revenue when fx reports no hedge (stressed DSCR 1.2 → high)", async () => {
    const r = await run({ borrower: fxBorrower }, { dependencies: { fx: fxResult({}) } });
    expect(ids(r)).toEqual(["LEN-FXDSCR:high"]);
    expect(r.metrics.stressedEbitda).toBeCloseTo(90, 12);
    expect(r.metrics.fxStressedDscr).toBeCloseTo(1.2, 12);
    expect(r.notes.join(" ")).toMatch(/no exposure or hedge in USD/);
  });

  it("uses the fx expert's hedge ratios", async () => {
    const half = await run({ borrower: fxBorrower }, { dependencies: { fx: fxResult({ USD: 0.5 }) } });
    expect(half.metrics.fxStressedDscr).toBeCloseTo(95 / 75, 12);
    expect(finding(half, "LEN-FXDSCR")).toBeUndefined();
  });

  it("assumes no hedge when the fx result is missing, with a note", async () => {
    const r = await run({ borrower: fxBorrower });
    expect(ids(r)).toEqual(["LEN-FXDSCR:high"]);
    expect(r.notes.join(" ")).toMatch(/no fx expert result/);
  });

  it("is not reported when LEN-DSCR already has the same severity", async () => {
    // Debt service 85 → DSCR 1.18 (high); stressed 90 / 85 = 1.06 (high): nothing new.
    const r = await run(
      { borrower: { ...fxBorrower, financials: { ...fxBorrower.financials, annualDebtService: 85 } } },
      { dependencies: { fx: fxResult({}) } },
    );
    expect(ids(r)).toEqual(["LEN-DSCR:high"]);
    expect(r.metrics.fxStressedDscr).toBeCloseTo(90 / 85, 12);
  });

  it("is reported critical when the stress pushes a high DSCR below 1.0", async () => {
    // Debt service 95 → DSCR 1.05 (high); stressed 90 / 95 = 0.95 (critical).
    const r = await run(
      { borrower: { ...fxBorrower, financials: { ...fxBorrower.financials, annualDebtService: 95 } } },
      { dependencies: { fx: fxResult({}) } },
    );
    expect(ids(r)).toEqual(["LEN-DSCR:high", "LEN-FXDSCR:critical"]);
  });

  it("includes the new facility's debt service in the stressed denominator", async () => {
    // DS_new = 100 · 5% = 5 (bullet) → debt service 80: DSCR 1.25 (none), stressed 90 / 80 = 1.125 (high).
    const r = await run(
      { borrower: fxBorrower, facility: { ...facility, amortization: "bullet", amount: 100, tenorYears: 5, collateralValue: 200 } },
      { dependencies: { fx: fxResult({}) } },
    );
    expect(ids(r)).toEqual(["LEN-FXDSCR:high"]);
    expect(r.metrics.fxStressedDscr).toBeCloseTo(1.125, 12);
  });
});

describe("lending expert: no data", () => {
  it("answers a Japanese question-only run with Japanese passages and a DATA-GAP naming the data it needs", async () => {
    const r = await run(undefined, { question: "買収ファイナンスのコベナンツはどう設定すべきですか？" });
    expect(ids(r)).toEqual(["DATA-GAP:medium"]);
    expect(r.findings[0]!.fields).toEqual(["borrower.financials", "facility"]);
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.citations[0]!.document).toMatch(/\.ja\.md$/);
    expect(r.metrics).toEqual({});
  });

  it("turns the gap into DATA-NEEDED guidance when lending is advisory", async () => {
    const r = await run(
      { fx: { exposures: [{ currency: "USD", amount: 100, tenorYears: 1 }] } },
      { question: "Can they repay the loan?", role: "advisory" },
    );
    expect(ids(r)).toEqual(["DATA-NEEDED:info"]);
    expect(r.findings[0]!.fields).toEqual(["borrower.financials", "facility"]);
  });

  it("fails with the path of a bad policy section instead of guessing", async () => {
    const bad = structuredClone(policy);
    (bad.experts.lending as any).rules["LEN-LEV"].tiers[0].abvoe = 6;
    const c = parseCase({ borrower });
    const r = await createLendingExpert().run({
      assessmentId: "test",
      task: { id: "lending", expert: "lending", question: "", dependsOn: [], role: "required" },
      case: c,
      policy: bad,
      dependencies: {},
    });
    expect(r.status).toBe("failed");
    expect(r.error?.message).toMatch(/experts\.lending\.rules\.LEN-LEV\.tiers\[0\]/);
  });
});
