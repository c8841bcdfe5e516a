import { stableRatio } from "@kyocho/core";

/**
 * The stress loss as a share of the borrower's EBITDA, both in the base
 * currency. Undefined (null) when EBITDA is zero or negative: the ratio has no
 * meaning there, and the FX-STRESS rule treats that case on its own.
 *
 * @example
 * stressLossToEbitda(30, 200) // 0.15
 * stressLossToEbitda(30, 0) // null
 */
export function stressLossToEbitda(lossBase: number, ebitdaBase: number): number | null {
  if (ebitdaBase <= 0) return null;
  return stableRatio(lossBase / ebitdaBase);
}

