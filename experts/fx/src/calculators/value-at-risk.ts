/** An open position with what the VaR needs: units, base units per unit, annualised volatility. */
export interface VolatilePosition {
  netOpen: number;
  spot: number;
  vol: number;
}

/** The VaR parameters of the policy (`experts.fx.valueAtRisk`). */
export interface VarParameters {
  z: number;
  horizonDays: number;
  tradingDaysPerYear: number;
}

/**
 * Parametric value at risk of the net open positions, in the base currency:
 * Σ z · vol · sqrt(horizonDays / tradingDaysPerYear) · netOpen · spot. The
 * currencies are summed without correlation benefit, which overstates the
 * risk of a diversified book — deliberately conservative for a credit view.
 *
 * @example
 * valueAtRisk([{ netOpen: 1_000_000, spot: 150, vol: 0.1 }], { z: 2.326, horizonDays: 10, tradingDaysPerYear: 252 })
 * // ≈ 6_950_254
 */
export function valueAtRisk(positions: readonly VolatilePosition[], params: VarParameters): number {
  const scale = params.z * Math.sqrt(params.horizonDays / params.tradingDaysPerYear);
  return positions.reduce((sum, p) => sum + scale * p.vol * p.netOpen * p.spot, 0);
}
