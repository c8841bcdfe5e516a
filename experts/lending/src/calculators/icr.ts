/** Inputs of {@link icr}, all in the borrower's financials currency F. */
export interface IcrInput {
  ebitda: number;
  interestExpense: number;
  /** The new facility converted to F (A_F); 0 without a facility. */
  facilityAmount: number;
  /** The facility's all-in interest rate (0.055 = 5.5%). */
  rate: number;
}

/**
 * Interest cover: EBITDA / (interestExpense + A_F · rate). With no interest to
 * pay, cover is unlimited (Infinity), so no threshold can be breached.
 *
 * @example
 * icr({ ebitda: 90, interestExpense: 20, facilityAmount: 200, rate: 0.05 }) // 3
 * icr({ ebitda: 90, interestExpense: 0, facilityAmount: 0, rate: 0.05 })   // Infinity
 */
export function icr({ ebitda, interestExpense, facilityAmount, rate }: IcrInput): number {
  const interest = interestExpense + facilityAmount * rate;
  if (interest <= 0) return Number.POSITIVE_INFINITY;
  return ebitda / interest;
}
