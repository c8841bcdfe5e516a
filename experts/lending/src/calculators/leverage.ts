/** Inputs of {@link leverage}, all in the borrower's financials currency F. */
export interface LeverageInput {
  totalDebt: number;
  /** The new facility converted to F (A_F); 0 when there is no facility. */
  facilityAmount: number;
  ebitda: number;
}

/**
 * Pro-forma leverage: (totalDebt + A_F) / EBITDA. Undefined when EBITDA is
 * zero or negative, because a ratio over losses would read as "low leverage"
 * (a negative number) instead of the worst case it is.
 *
 * @example
 * leverage({ totalDebt: 300, facilityAmount: 150, ebitda: 100 }) // 4.5
 * leverage({ totalDebt: 300, facilityAmount: 0, ebitda: -10 })   // undefined
 */
export function leverage({ totalDebt, facilityAmount, ebitda }: LeverageInput): number | undefined {
  if (ebitda <= 0) return undefined;
  return (totalDebt + facilityAmount) / ebitda;
}
