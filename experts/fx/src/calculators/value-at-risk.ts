/** An open position in F with the volatility of its currency against F. */
export interface VolatilePosition {
  open: number;
  vol: number;
}

/** The VaR parameters of the policy (`experts.fx.valueAtRisk`). */
export interface VarParameters {
  z: number;
  horizonDays: number;
  tradingDaysPerYear: number;
}

/**
 * Parametric value at risk of the open positions, in F:
 * Σ z · vol · sqrt(horizonDays / tradingDaysPerYear) · |open|. The
 * currencies are summed without correlation benefit, which overstates the
 * risk of a diversified book — deliberately conservative for a credit view.
 *
 * @example
 * valueAtRisk([{ open: 1_000_000, vol: 0.1 }], { z: 2.326, horizonDays: 10, tradingDaysPerYear: 252 })
 * // ≈ 46_335.03
 */
export function valueAtRisk(positions: readonly VolatilePosition[], params: VarParameters): number {
  const scale = params.z * Math.sqrt(params.horizonDays / params.tradingDaysPerYear);
  return positions.reduce((sum, p) => sum + scale * p.vol * Math.abs(p.open), 0);
}
