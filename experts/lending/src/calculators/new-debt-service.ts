/** Inputs of {@link newDebtService}; `amount` is the facility in the financials currency (A_F). */
export interface NewDebtServiceInput {
  amount: number;
  rate: number;
  tenorYears: number;
  amortization: "bullet" | "linear";
}

/**
 * The first-year debt service the new facility adds (DS_new): interest, plus
 * the yearly principal instalment when it amortises linearly. A bullet repays
 * nothing until maturity, so its refinancing risk is judged elsewhere (tenor).
 *
 * @example
 * newDebtService({ amount: 100, rate: 0.05, tenorYears: 5, amortization: "linear" }) // 25
 * newDebtService({ amount: 100, rate: 0.05, tenorYears: 5, amortization: "bullet" }) // 5
 */
export function newDebtService({ amount, rate, tenorYears, amortization }: NewDebtServiceInput): number {
  const interest = amount * rate;
  return amortization === "linear" ? interest + amount / tenorYears : interest;
}
