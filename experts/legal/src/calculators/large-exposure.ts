/** One existing exposure to the borrower's group, in the base currency, with its credit conversion factor. */
export interface WeightedExposure {
  amount: number;
  ccf: number;
}

/**
 * The bank's exposure to the borrower's group after the new facility, in the
 * base currency: the facility, every existing exposure at its credit
 * conversion factor (half an undrawn commitment, all of a guarantee), and the
 * absolute market value of the bank's positions in the group's securities.
 *
 * @example
 * groupExposure({ facility: 150e9, exposures: [{ amount: 100e9, ccf: 0.5 }], positions: [-20e9] }) // 220e9
 */
export function groupExposure(input: { facility: number; exposures: readonly WeightedExposure[]; positions: readonly number[] }): number {
  return input.facility + input.exposures.reduce((sum, e) => sum + e.amount * e.ccf, 0) + input.positions.reduce((sum, v) => sum + Math.abs(v), 0);
}

/**
 * The large-exposure ratio: group exposure over Tier 1 capital (both in the
 * base currency). Undefined without a positive Tier 1 capital — a limit
 * cannot be measured against nothing, and no default is assumed.
 *
 * @example
 * largeExposureRatio(1e12, 1e13) // 0.1
 */
export function largeExposureRatio(exposure: number, tier1Capital: number | undefined): number | undefined {
  if (tier1Capital === undefined || !(tier1Capital > 0)) return undefined;
  return exposure / tier1Capital;
}
