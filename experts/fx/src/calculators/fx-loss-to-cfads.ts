import { stableRatio } from "@kyocho/core/calculation";

/**
 * The FX stress loss as a share of the cash flow available for debt service,
 * both in F. Null when CFADS is zero or negative: the ratio has no meaning
 * there, and FX-STRESS treats that case on its own.
 *
 * @example
 * fxLossToCfads(30, 200) // 0.15
 * fxLossToCfads(30, 0) // null
 */
export function fxLossToCfads(loss: number, cfads: number): number | null {
  if (cfads <= 0) return null;
  return stableRatio(loss / cfads);
}
