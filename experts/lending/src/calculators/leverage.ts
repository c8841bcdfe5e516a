/**
 * Net debt after the deal: pro-forma debt − cash, in F. Cash not given
 * counts as none, so leverage is then measured on gross debt.
 *
 * @example
 * netDebt({ proFormaDebt: 650, cash: 50 }) // 600
 * netDebt({ proFormaDebt: 650 })           // 650
 */
export function netDebt({ proFormaDebt, cash }: { proFormaDebt: number; cash?: number | undefined }): number {
  return proFormaDebt - (cash ?? 0);
}

/** Inputs of {@link leverage}, in the borrower's reporting currency F. */
export interface LeverageInput {
  netDebt: number;
  ebitda: number;
}

/**
 * Net leverage: (pro-forma debt − cash) / EBITDA. Undefined when EBITDA is
 * zero or negative, because a ratio over losses would read as "low leverage"
 * (a negative number) instead of the worst case it is. A negative result is
 * a net cash position.
 *
 * @example
 * leverage({ netDebt: 600, ebitda: 100 })  // 6
 * leverage({ netDebt: -50, ebitda: 100 })  // -0.5 (net cash)
 * leverage({ netDebt: 600, ebitda: -10 })  // undefined
 */
export function leverage({ netDebt, ebitda }: LeverageInput): number | undefined {
  if (ebitda <= 0) return undefined;
  return netDebt / ebitda;
}
