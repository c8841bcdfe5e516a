import type { Financials } from "@kyocho/core/case";
import { money } from "./format.js";

/** A DATA-CONFLICT to report: the fields whose values cannot both be true, and why, in English and Japanese. */
export interface LendingConflict {
  fields: string[];
  message: { en: string; ja: string };
}

/**
 * The contradictions in the borrower's figures and the facility that the
 * lending ratios would otherwise hide:
 * - `facility.refinances` above `totalDebt` (a facility cannot repay debt
 *   that does not exist; the ratios cap it at `totalDebt`);
 * - `annualDebtService` zero while `totalDebt` is above zero (debt that is
 *   never serviced; existing cover would read as unlimited);
 * - `annualDebtService` below `interestExpense` (debt service includes the
 *   interest), reported when debt service is not zero (the zero case above
 *   already says it).
 * The ratios are still computed from the figures as given (refinancing
 * capped), so the report shows what they imply.
 *
 * @example
 * lendingConflicts({ ...financials, totalDebt: 500, annualDebtService: 20, interestExpense: 30 }, 0)
 * // [{ fields: ["borrower.financials.annualDebtService", "borrower.financials.interestExpense"], message: { en, ja } }]
 */
export function lendingConflicts(financials: Financials, refinances: number | undefined): LendingConflict[] {
  const { currency: F, totalDebt, annualDebtService, interestExpense } = financials;
  const out: LendingConflict[] = [];
  if (refinances !== undefined && refinances > totalDebt) {
    out.push({
      fields: ["facility.refinances", "borrower.financials.totalDebt"],
      message: {
        en:
          `The facility refinances ${money(refinances, F)}, more than the borrower's total debt of ${money(totalDebt, F)}: ` +
          `a facility cannot repay debt that does not exist. The ratios are computed with refinanced debt capped at ${money(totalDebt, F)}.`,
        ja:
          `本件融資による借換額 ${money(refinances, F)} が、借り手の有利子負債総額 ${money(totalDebt, F)} を上回っています。` +
          `存在しない債務は返済できないため、借換額を ${money(totalDebt, F)} に抑えて各指標を計算しました。`,
      },
    });
  }
  if (annualDebtService === 0 && totalDebt > 0) {
    out.push({
      fields: ["borrower.financials.annualDebtService", "borrower.financials.totalDebt"],
      message: {
        en:
          `Annual debt service is zero while total debt is ${money(totalDebt, F)}` +
          (interestExpense > 0 ? ` and interest expense ${money(interestExpense, F)}` : "") +
          ": debt that is never serviced makes the existing debt service cover unlimited. The ratios are computed from the figures as given.",
        ja:
          `有利子負債 ${money(totalDebt, F)}` +
          (interestExpense > 0 ? `・支払利息 ${money(interestExpense, F)}` : "") +
          " があるにもかかわらず、年間元利金返済額がゼロです。返済のない債務として既存分の返済余力が無制限に見えてしまいます。" +
          "指標は記載どおりの数値で計算しています。",
      },
    });
  } else if (annualDebtService < interestExpense) {
    out.push({
      fields: ["borrower.financials.annualDebtService", "borrower.financials.interestExpense"],
      message: {
        en:
          `Annual debt service ${money(annualDebtService, F)} is below the interest expense ${money(interestExpense, F)}, ` +
          "though debt service includes the interest: one of the two figures is wrong. The ratios are computed from the figures as given.",
        ja:
          `年間元利金返済額 ${money(annualDebtService, F)} が支払利息 ${money(interestExpense, F)} を下回っています。` +
          "元利金返済額は利息を含むため、いずれかの数値が誤っています。指標は記載どおりの数値で計算しています。",
      },
    });
  }
  return out;
}
