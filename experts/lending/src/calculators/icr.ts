/** Inputs of {@link icr}, in the borrower's reporting currency F. */
export interface IcrInput {
  ebitda: number;
  /** Pro-forma interest: existing (after refinancing) + the new facility's. */
  interest: number;
}

/**
 * Interest cover: EBITDA / interest. With no interest to pay, cover is
 * unlimited (Infinity), so no threshold can be breached.
 *
 * @example
 * icr({ ebitda: 90, interest: 30 }) // 3
 * icr({ ebitda: 90, interest: 0 })  // Infinity
 */
export function icr({ ebitda, interest }: IcrInput): number {
  if (interest <= 0) return Number.POSITIVE_INFINITY;
  return ebitda / interest;
}
