/** Inputs of {@link dscr}, all in the borrower's financials currency F. */
export interface DscrInput {
  ebitda: number;
  /** Debt service the borrower already pays each year. */
  annualDebtService: number;
  /** Debt service the new facility adds (DS_new); 0 without a facility. */
  newDebtService: number;
}

/**
 * Debt service coverage: EBITDA / (annualDebtService + DS_new). With no debt
 * service at all there is nothing to cover, so cover is unlimited (Infinity)
 * and no threshold can be breached.
 *
 * @example
 * dscr({ ebitda: 120, annualDebtService: 70, newDebtService: 30 }) // 1.2
 * dscr({ ebitda: 120, annualDebtService: 0, newDebtService: 0 })   // Infinity
 */
export function dscr({ ebitda, annualDebtService, newDebtService }: DscrInput): number {
  const debtService = annualDebtService + newDebtService;
  if (debtService <= 0) return Number.POSITIVE_INFINITY;
  return ebitda / debtService;
}
