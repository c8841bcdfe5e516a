import { dscr } from "./dscr.js";

/** Inputs of {@link fxStressedDscr}, in the borrower's reporting currency F. */
export interface FxStressedDscrInput {
  cfads: number;
  /** The fx expert's one-year loss on the borrower's open currency positions (`fxLoss`), ≥ 0. */
  fxLoss: number;
  debtService: number;
}

/**
 * Debt service coverage after the FX stress: (CFADS − fxLoss) / debt
 * service, over the same debt service as LEN-DSCR so the two compare like
 * for like. Unlimited (Infinity) without debt service.
 *
 * @example
 * fxStressedDscr({ cfads: 130, fxLoss: 20, debtService: 100 }) // 1.1
 */
export function fxStressedDscr({ cfads, fxLoss, debtService }: FxStressedDscrInput): number {
  return dscr({ cfads: cfads - fxLoss, debtService });
}
