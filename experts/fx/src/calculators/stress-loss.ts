/** An open position valued in the base currency: `netOpen` units at `spot` base units per unit. */
export interface OpenPosition {
  netOpen: number;
  spot: number;
}

/**
 * The base-currency loss of an adverse move of `shock` (0.20 = 20%) in every
 * currency at once against the net open positions. All currencies move
 * together on purpose: a stress, not a diversified estimate (that is the VaR).
 *
 * @example
 * stressLoss([{ netOpen: 1_000_000, spot: 150 }], 0.2) // 30_000_000
 */
export function stressLoss(positions: readonly OpenPosition[], shock: number): number {
  return positions.reduce((sum, p) => sum + shock * p.netOpen * p.spot, 0);
}
