/** Inputs of {@link dscr}, in the borrower's reporting currency F. */
export interface DscrInput {
  /** Cash flow available for debt service: EBITDA − taxes − maintenance capex − working capital increase. */
  cfads: number;
  /** Pro-forma first-year debt service: existing (after refinancing) + new facility. */
  debtService: number;
}

/**
 * Debt service coverage: CFADS / debt service. With no debt service at all
 * there is nothing to cover, so cover is unlimited (Infinity) and no
 * threshold can be breached.
 *
 * @example
 * dscr({ cfads: 120, debtService: 100 }) // 1.2
 * dscr({ cfads: 120, debtService: 0 })   // Infinity
 */
export function dscr({ cfads, debtService }: DscrInput): number {
  if (debtService <= 0) return Number.POSITIVE_INFINITY;
  return cfads / debtService;
}
