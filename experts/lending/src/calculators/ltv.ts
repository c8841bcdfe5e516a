/** Inputs of {@link ltv}, both in the facility currency. */
export interface LtvInput {
  amount: number;
  collateralValue: number;
}

/**
 * Loan to value: facility amount / collateral value, in the facility
 * currency (no conversion, so no spot is needed). Collateral worth nothing
 * against a positive loan is an unlimited LTV (Infinity); a zero loan has
 * LTV 0 whatever secures it.
 *
 * @example
 * ltv({ amount: 80, collateralValue: 100 }) // 0.8
 * ltv({ amount: 80, collateralValue: 0 })   // Infinity
 */
export function ltv({ amount, collateralValue }: LtvInput): number {
  if (amount <= 0) return 0;
  if (collateralValue <= 0) return Number.POSITIVE_INFINITY;
  return amount / collateralValue;
}
