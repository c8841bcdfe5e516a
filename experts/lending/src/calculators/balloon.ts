import type { Facility } from "@kyocho/core/case";

/**
 * True when LEN-BALLOON looks at the facility: a bullet (any type — term
 * loan, revolver or bond) whose tenor is above `tenorAboveYears`.
 *
 * @example
 * hasBalloon({ amortization: "bullet", tenorYears: 5 }, 3) // true
 * hasBalloon({ amortization: "bullet", tenorYears: 3 }, 3) // false
 */
export function hasBalloon(facility: Pick<Facility, "amortization" | "tenorYears">, tenorAboveYears: number): boolean {
  return facility.amortization === "bullet" && facility.tenorYears > tenorAboveYears;
}

/**
 * The balloon in years of cash flow: new debt (in F) / CFADS — how many
 * years of the borrower's whole cash flow the single repayment at maturity
 * would take. Undefined when CFADS is zero or negative: no number of years
 * of such cash flow repays anything.
 *
 * @example
 * balloonYears({ newDebt: 400, cfads: 100 }) // 4
 * balloonYears({ newDebt: 400, cfads: 0 })   // undefined
 */
export function balloonYears({ newDebt, cfads }: { newDebt: number; cfads: number }): number | undefined {
  if (cfads <= 0) return undefined;
  return newDebt / cfads;
}
