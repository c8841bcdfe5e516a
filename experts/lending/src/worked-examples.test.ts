import { parseCase, type CaseInput, type ExpertResult } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import { describe, expect, it } from "vitest";
import { referenceLendingPolicy } from "../test-support/reference-policy.js";
import { evaluateLending } from "./evaluate-lending.js";

// The worked examples of knowledge/credit-policy.md and .ja.md, recomputed by the expert: the documents quote what the code does.
const policy = referenceLendingPolicy();
const stub =
  (ruleId: string) =>
  (fields: string[]): ExpertFinding => ({ ruleId, severity: "medium", title: ruleId, message: ruleId, metrics: {}, citations: [], fields });
const evaluate = (input: CaseInput, fx?: ExpertResult) => {
  const out = evaluateLending({ case: parseCase(input), policy, fx, dataGap: stub("DATA-GAP"), dataConflict: stub("DATA-CONFLICT") });
  return { ...out, metrics: out.metrics ?? {} };
};
const severity = (out: ReturnType<typeof evaluate>, ruleId: string) => out.findings.find((f) => f.ruleId === ruleId)?.severity;

const sakura = { currency: "JPY", revenue: 1000, ebitda: 100, totalDebt: 500, cash: 20, interestExpense: 30, annualDebtService: 70 };
const refinancingLoan = {
  type: "term_loan" as const,
  amount: 150,
  currency: "JPY",
  tenorYears: 5,
  rate: 0.05,
  amortization: "linear" as const,
  refinances: 200,
};
const borrower = (extra: object = {}) => ({ name: "Sakura Foods", country: "JP", financials: { ...sakura, ...extra } });

describe("worked examples of the credit policy", () => {
  it("pro forma: refinancing 200 of 500 (debt 450, debt service 79.5, interest 25.5)", () => {
    const { metrics } = evaluate({ borrower: borrower(), facility: refinancingLoan });
    expect(metrics).toMatchObject({ proFormaDebt: 450, debtService: 79.5, interest: 25.5 });
    const doubleCounted = evaluate({ borrower: borrower(), facility: { ...refinancingLoan, refinances: undefined } }).metrics;
    expect(doubleCounted).toMatchObject({ proFormaDebt: 650, debtService: 107.5 });
  });

  it("LEN-LEV: (450 − 20) / 100 = 4.30x medium; 6.30x high without the refinancing", () => {
    const out = evaluate({ borrower: borrower(), facility: refinancingLoan });
    expect(out.metrics.leverage).toBeCloseTo(4.3, 12);
    expect(severity(out, "LEN-LEV")).toBe("medium");
    expect(severity(evaluate({ borrower: borrower(), facility: { ...refinancingLoan, refinances: undefined } }), "LEN-LEV")).toBe("high");
  });

  it("LEN-DSCR: CFADS 70 / 79.5 = 0.88x critical; 1.26x on EBITDA", () => {
    const out = evaluate({ borrower: borrower({ taxesPaid: 10, maintenanceCapex: 15, workingCapitalChange: 5 }), facility: refinancingLoan });
    expect(out.metrics.dscr).toBeCloseTo(0.8805, 4);
    expect(severity(out, "LEN-DSCR")).toBe("critical");
    expect(evaluate({ borrower: borrower(), facility: refinancingLoan }).metrics.dscr).toBeCloseTo(1.2579, 4);
  });

  it("LEN-ICR: 20 / 25.5 = 0.78x critical; 3.92x with EBITDA 100", () => {
    const out = evaluate({ borrower: borrower({ ebitda: 20 }), facility: refinancingLoan });
    expect(out.metrics.icr).toBeCloseTo(0.7843, 4);
    expect(severity(out, "LEN-ICR")).toBe("critical");
    expect(evaluate({ borrower: borrower(), facility: refinancingLoan }).metrics.icr).toBeCloseTo(3.9216, 4);
  });

  it("LEN-BALLOON: 400 / 100 = 4.0 years medium; 700 → 7.0 high; a 3-year bullet is not looked at", () => {
    const bond = { type: "bond" as const, amount: 400, currency: "JPY", tenorYears: 5, rate: 0.05, amortization: "bullet" as const };
    const b = borrower({ totalDebt: 0, cash: 0, interestExpense: 0, annualDebtService: 0 });
    const out = evaluate({ borrower: b, facility: bond });
    expect(out.metrics.balloonYears).toBe(4);
    expect(severity(out, "LEN-BALLOON")).toBe("medium");
    expect(severity(evaluate({ borrower: b, facility: { ...bond, amount: 700 } }), "LEN-BALLOON")).toBe("high");
    expect(severity(evaluate({ borrower: b, facility: { ...bond, amount: 700, tenorYears: 3 } }), "LEN-BALLOON")).toBeUndefined();
  });

  it("LEN-LTV: (150 + 20) / (140 + 30) = 100% medium; 65% on appraised values", () => {
    const out = evaluate({
      facility: {
        ...refinancingLoan,
        collateral: [
          { type: "real_estate", value: 200, currency: "JPY", priorCharges: 20 },
          { type: "equipment", value: 60, currency: "JPY" },
        ],
      },
    });
    expect(out.metrics).toMatchObject({ collateralValueAfterHaircuts: 170, collateralValue: 260, ltv: 1 });
    expect(severity(out, "LEN-LTV")).toBe("medium");
  });

  it("LEN-TENOR: 12 years medium", () => {
    expect(severity(evaluate({ facility: { ...refinancingLoan, tenorYears: 12 } }), "LEN-TENOR")).toBe("medium");
  });

  it("LEN-FXDSCR: USD earner, JPY 15,000m loan: DSCR 1.41x; with fxLoss 20, (130 − 20) / 92 = 1.20x high", () => {
    const fx: ExpertResult = {
      taskId: "fx",
      expert: "fx",
      domain: "fx",
      role: "required",
      status: "ok",
      findings: [],
      metrics: { fxLoss: 20 },
      citations: [],
      notes: [],
    };
    const out = evaluate(
      {
        borrower: {
          name: "US Co",
          country: "US",
          financials: { currency: "USD", revenue: 1000, ebitda: 130, totalDebt: 300, interestExpense: 10, annualDebtService: 90 },
        },
        facility: { type: "term_loan", amount: 15_000, currency: "JPY", tenorYears: 3, rate: 0.02, amortization: "bullet" },
        marketData: { USD: { spot: 150, vol: 0.1 } },
      },
      fx,
    );
    expect(out.metrics.debtService).toBe(92);
    expect(out.metrics.dscr).toBeCloseTo(1.413, 3);
    expect(out.metrics.fxStressedDscr).toBeCloseTo(1.196, 3);
    expect(out.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(["LEN-FXDSCR:high"]);
  });
});
