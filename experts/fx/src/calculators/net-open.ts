/**
 * The unhedged part of a currency's exposure, in that currency. Hedges above
 * the exposure do not create a short position here: the policy measures the
 * risk left uncovered, not speculative over-hedging.
 *
 * @example
 * netOpen(100, 30) // 70
 * netOpen(100, 150) // 0
 */
export function netOpen(gross: number, hedged: number): number {
  return Math.max(0, gross - hedged);
}
