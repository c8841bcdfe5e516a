/**
 * The annualised volatility of currency C against the reporting currency F,
 * from the case's volatilities against the bank's base B (vol of B itself is
 * 0). When F is B it is C's own vol. Otherwise the cross volatility would need
 * the correlation of C and F against B, which the case does not carry; the
 * policy takes max(vol_C, vol_F) as a conservative stand-in: it equals the
 * cross vol when the other leg is B, and it is never below the larger leg,
 * which is what two currencies moving together against B would still leave.
 *
 * @example
 * volAgainstReporting(0.12, 0) // 0.12 (F is the base currency)
 * volAgainstReporting(0.08, 0.1) // 0.1 (EUR against USD for a JPY bank)
 */
export function volAgainstReporting(volC: number, volF: number): number {
  return Math.max(volC, volF);
}
