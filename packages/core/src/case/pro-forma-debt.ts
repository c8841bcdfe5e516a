import type { Case } from "./case-schema.js";
import { convert, missingSpotPaths } from "./currency.js";

/**
 * The borrower's debt and debt service after the facility, one year, in its
 * reporting currency F — the figures the lending and fx experts both build
 * on, computed in one place so that they always agree:
 *
 * - newDebt = the facility amount in F; refinanced = `facility.refinances`
 *   capped at `totalDebt` (above it is a DATA-CONFLICT for the caller);
 *   proFormaDebt = totalDebt − refinanced + newDebt;
 * - existing debt service and interest scaled by (1 − refinanced/totalDebt);
 *   the new facility's first year: linear amount/tenor + amount·rate,
 *   bullet amount·rate;
 * - debt service by currency: the existing part in C is its share of
 *   totalDebt (`debtByCurrency` converted to F), scaled likewise, plus the
 *   new facility's debt service when the facility is in C;
 * - CFADS = EBITDA − taxesPaid − maintenanceCapex − workingCapitalChange
 *   (absent terms 0; `cfadsFromEbitda` when none is given).
 */
export interface ProFormaDebt {
  currency: string;
  newDebt: number;
  /** As given in the case (0 when absent). */
  refinancesGiven: number;
  /** Capped at totalDebt. */
  refinanced: number;
  /** True when the case's `refinances` is above `totalDebt`. */
  refinancesAboveDebt: boolean;
  proFormaDebt: number;
  existingDebtService: number;
  existingInterest: number;
  newDebtService: number;
  newInterest: number;
  debtService: number;
  interest: number;
  /** Debt service falling due in each currency other than F, in F. */
  debtServiceByCurrency: Record<string, number>;
  cfads: number;
  cfadsFromEbitda: boolean;
}

/** Either the pro-forma figures, or the spot rates the case lacks to compute them. */
export type ProFormaDebtOutcome = { ok: true; value: ProFormaDebt } | { ok: false; missing: string[] };

/**
 * The borrower's pro-forma debt and debt service (see {@link ProFormaDebt}),
 * or the `marketData.C.spot` paths it needs and the case lacks. Undefined
 * when the case has no borrower financials.
 *
 * @example
 * const outcome = proFormaDebt(c);
 * if (outcome?.ok) outcome.value.debtService
 */
export function proFormaDebt(c: Case): ProFormaDebtOutcome | undefined {
  const f = c.borrower?.financials;
  if (!f) return undefined;
  const F = f.currency;
  const facility = c.facility;
  const foreignDebt = Object.entries(f.debtByCurrency ?? {});
  const needed = [...(facility ? [facility.currency] : []), ...foreignDebt.map(([cur]) => cur)];
  const missing = needed.some((cur) => cur !== F) ? missingSpotPaths(c, F, ...needed.filter((cur) => cur !== F)) : [];
  if (missing.length > 0) return { ok: false, missing };

  const newDebt = facility ? convert(c, facility.amount, facility.currency, F)! : 0;
  const refinancesGiven = facility?.refinances ?? 0;
  const refinanced = Math.min(refinancesGiven, f.totalDebt);
  const scale = f.totalDebt > 0 ? 1 - refinanced / f.totalDebt : 1;
  const existingDebtService = f.annualDebtService * scale;
  const existingInterest = f.interestExpense * scale;
  const newInterest = facility ? newDebt * facility.rate : 0;
  const newDebtService = facility ? (facility.amortization === "linear" ? newDebt / facility.tenorYears : 0) + newInterest : 0;

  const debtServiceByCurrency: Record<string, number> = {};
  for (const [cur, amount] of foreignDebt) {
    if (cur === F || f.totalDebt <= 0) continue;
    const inF = convert(c, amount, cur, F)!;
    debtServiceByCurrency[cur] = (debtServiceByCurrency[cur] ?? 0) + f.annualDebtService * (inF / f.totalDebt) * scale;
  }
  if (facility && facility.currency !== F) {
    debtServiceByCurrency[facility.currency] = (debtServiceByCurrency[facility.currency] ?? 0) + newDebtService;
  }

  const deductions = [f.taxesPaid, f.maintenanceCapex, f.workingCapitalChange];
  const cfadsFromEbitda = deductions.every((d) => d === undefined);
  const cfads = f.ebitda - deductions.reduce<number>((sum, d) => sum + (d ?? 0), 0);

  return {
    ok: true,
    value: {
      currency: F,
      newDebt,
      refinancesGiven,
      refinanced,
      refinancesAboveDebt: refinancesGiven > f.totalDebt,
      proFormaDebt: f.totalDebt - refinanced + newDebt,
      existingDebtService,
      existingInterest,
      newDebtService,
      newInterest,
      debtService: existingDebtService + newDebtService,
      interest: existingInterest + newInterest,
      debtServiceByCurrency,
      cfads,
      cfadsFromEbitda,
    },
  };
}
