/**
 * The bank's exposure to the borrower group after the new facility, in the
 * base currency: what it already lends plus the facility converted at spot.
 *
 * @example
 * groupExposure({ existingExposure: 200e9, amount: 1e9, spot: 150 }) // 350e9
 */
export function groupExposure(input: { existingExposure: number; amount: number; spot: number }): number {
  return input.existingExposure + input.amount * input.spot;
}

/**
 * The large-exposure ratio: group exposure (base currency) over Tier 1
 * capital. Undefined when capital is zero or negative — a bank without
 * positive capital has no meaningful limit, and the case schema refuses it.
 *
 * @example
 * largeExposureRatio({ existingExposure: 0, amount: 1e10, spot: 100, tier1Capital: 1e13 }) // 0.1
 */
export function largeExposureRatio(input: {
  existingExposure: number;
  amount: number;
  spot: number;
  tier1Capital: number;
}): number | undefined {
  if (!(input.tier1Capital > 0)) return undefined;
  return groupExposure(input) / input.tier1Capital;
}
