import { parseCase } from "@kyocho/core";
import type { ExpertFinding } from "@kyocho/core/expert";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceLendingPolicy } from "../test-support/reference-policy.js";
import { evaluateLending } from "./evaluate-lending.js";

const policy = referenceLendingPolicy();
const stub =
  (ruleId: string) =>
  (fields: string[]): ExpertFinding => ({
    ruleId,
    severity: "medium",
    title: ruleId,
    message: ruleId,
    metrics: {},
    citations: [],
    fields,
  });

const money = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });

/** The lending metrics of a JPY borrower with a USD facility (spot 150) that refinances `refinances`. */
function metricsFor(deal: { totalDebt: number; amount: number; ebitda: number; ads: number; interest: number; cash: number }, refinances: number) {
  const c = parseCase({
    borrower: {
      name: "A",
      country: "JP",
      financials: {
        currency: "JPY",
        revenue: 1000,
        ebitda: deal.ebitda,
        totalDebt: deal.totalDebt,
        interestExpense: deal.interest,
        annualDebtService: deal.ads,
        cash: deal.cash,
      },
    },
    facility: { type: "term_loan", amount: deal.amount, currency: "USD", tenorYears: 5, rate: 0.04, amortization: "linear", refinances },
    marketData: { USD: { spot: 150, vol: 0.1 } },
  });
  return evaluateLending({ case: c, policy, dataGap: stub("DATA-GAP"), dataConflict: stub("DATA-CONFLICT") }).metrics!;
}

describe("property: raising facility.refinances", () => {
  const deal = fc.record({
    totalDebt: money,
    amount: money,
    ebitda: fc.double({ min: -1e5, max: 1e6, noNaN: true }),
    ads: money,
    interest: money,
    cash: money,
  });

  it("never raises pro-forma debt, net debt, debt service or interest", () => {
    fc.assert(
      fc.property(deal, money, money, (d, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const before = metricsFor(d, low);
        const after = metricsFor(d, high);
        const tolerance = 1e-9 * (1 + Math.abs(before.proFormaDebt!));
        expect(after.proFormaDebt!).toBeLessThanOrEqual(before.proFormaDebt! + tolerance);
        expect(after.netDebt!).toBeLessThanOrEqual(before.netDebt! + tolerance);
        expect(after.debtService!).toBeLessThanOrEqual(before.debtService! + 1e-9 * (1 + before.debtService!));
        expect(after.interest!).toBeLessThanOrEqual(before.interest! + 1e-9 * (1 + before.interest!));
      }),
      { numRuns: 300 },
    );
  });

  it("lowers pro-forma debt by exactly the extra debt repaid, up to total debt", () => {
    fc.assert(
      fc.property(deal, money, money, (d, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const drop = metricsFor(d, low).proFormaDebt! - metricsFor(d, high).proFormaDebt!;
        const repaid = Math.min(high, d.totalDebt) - Math.min(low, d.totalDebt);
        expect(drop).toBeCloseTo(repaid, 4);
      }),
      { numRuns: 300 },
    );
  });
});
