/** One hedge as the mismatch needs it: its notional (in its currency) and its direction. */
export interface HedgeLeg {
  notional: number;
  direction: "sell" | "buy";
}

/**
 * The hedge of one currency, in that currency: Σ sell notionals − Σ buy
 * notionals. Selling a currency forward protects money coming in in it (a
 * long position), buying protects money going out (a short one), so the sign
 * matches the net position it offsets.
 *
 * @example
 * signedHedge([{ notional: 100, direction: "sell" }, { notional: 30, direction: "buy" }]) // 70
 */
export function signedHedge(hedges: readonly HedgeLeg[]): number {
  return hedges.reduce((sum, h) => sum + (h.direction === "sell" ? h.notional : -h.notional), 0);
}
