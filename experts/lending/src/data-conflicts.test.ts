import { describe, expect, it } from "vitest";
import { lendingConflicts } from "./data-conflicts.js";

const financials = { currency: "JPY", revenue: 1000, ebitda: 100, totalDebt: 500, interestExpense: 30, annualDebtService: 70 };

describe("lendingConflicts", () => {
  it("finds nothing in consistent figures", () => {
    expect(lendingConflicts(financials, undefined)).toEqual([]);
    expect(lendingConflicts(financials, 500)).toEqual([]); // refinancing all the debt is fine
    expect(lendingConflicts({ ...financials, annualDebtService: 30 }, 0)).toEqual([]); // interest only, equal to interest
    expect(lendingConflicts({ ...financials, totalDebt: 0, interestExpense: 0, annualDebtService: 0 }, undefined)).toEqual([]);
  });

  it("flags refinancing above total debt", () => {
    const [conflict, ...rest] = lendingConflicts(financials, 600);
    expect(rest).toEqual([]);
    expect(conflict!.fields).toEqual(["facility.refinances", "borrower.financials.totalDebt"]);
    expect(conflict!.message.en).toContain("JPY 600, more than the borrower's total debt of JPY 500");
    expect(conflict!.message.ja).toContain("借換額 JPY 600");
  });

  it("flags debt service below interest", () => {
    const [conflict] = lendingConflicts({ ...financials, annualDebtService: 29.9 }, undefined);
    expect(conflict!.fields).toEqual(["borrower.financials.annualDebtService", "borrower.financials.interestExpense"]);
    expect(conflict!.message.en).toContain("JPY 29.9 is below the interest expense JPY 30");
    expect(conflict!.message.ja).toContain("支払利息 JPY 30 を下回っています");
  });

  it("flags zero debt service with debt once, naming the interest too", () => {
    const conflicts = lendingConflicts({ ...financials, annualDebtService: 0 }, undefined);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.fields).toEqual(["borrower.financials.annualDebtService", "borrower.financials.totalDebt"]);
    expect(conflicts[0]!.message.en).toContain("zero while total debt is JPY 500 and interest expense JPY 30");
    expect(conflicts[0]!.message.ja).toContain("年間元利金返済額がゼロ");
  });

  it("reports refinancing and debt service conflicts together", () => {
    expect(lendingConflicts({ ...financials, annualDebtService: 10 }, 900)).toHaveLength(2);
  });
});
