/**
 * The share of revenue earned in foreign currencies and left unhedged:
 * Σ share_c · (1 − hedgeRatio_c) over every currency c other than F. A
 * currency the fx expert reports no hedge ratio for counts as unhedged
 * (ratio 0); ratios outside [0, 1] are clamped, since a hedge can neither
 * remove more than the exposure nor add to it.
 *
 * @example
 * unhedgedForeignShare({ USD: 0.4, JPY: 0.6 }, { USD: 0.5 }, "JPY") // 0.2
 * unhedgedForeignShare({ USD: 0.4 }, {}, "JPY")                     // 0.4
 */
export function unhedgedForeignShare(
  shares: Readonly<Record<string, number>>,
  hedgeRatios: Readonly<Record<string, number | null | undefined>>,
  financialsCurrency: string,
): number {
  let sum = 0;
  for (const [currency, share] of Object.entries(shares)) {
    if (currency === financialsCurrency) continue;
    sum += share * (1 - effectiveHedgeRatio(hedgeRatios[currency]));
  }
  return sum;
}

/**
 * The hedge ratio the stress uses: unknown counts as unhedged (0), and the
 * value is held to [0, 1].
 *
 * @example
 * effectiveHedgeRatio(undefined) // 0
 * effectiveHedgeRatio(1.2)       // 1
 */
export function effectiveHedgeRatio(ratio: number | null | undefined): number {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return 0;
  return Math.min(1, Math.max(0, ratio));
}
