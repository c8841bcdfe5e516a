import type { Position } from "@kyocho/core";
import { stableRatio } from "@kyocho/core";

/** One issuer's part of a book. */
export interface IssuerShare {
  issuer: string;
  /** Σ marketValue of the issuer's positions, base currency. */
  marketValue: number;
  /** marketValue / total market value of the book, in [0, 1]. */
  share: number;
}

/** A book's market value split by issuer, largest share first. */
export interface IssuerShares {
  /** Σ marketValue of every position (bonds, loans and equities), base currency. */
  total: number;
  /** Empty when the total is zero: shares of nothing are undefined, not 0. */
  issuers: IssuerShare[];
}

/**
 * Sums positions per issuer (a bond and a share of the same name count
 * together: it is one default, one headline) and divides by the book's
 * total market value. Issuers are grouped by their name exactly as written
 * in the case; ties are ordered by name so the result is reproducible.
 *
 * @example
 * issuerShares([
 *   { id: "a", issuer: "Toyota", kind: "bond", marketValue: 30 },
 *   { id: "b", issuer: "Toyota", kind: "equity", marketValue: 10 },
 *   { id: "c", issuer: "MOF", kind: "bond", marketValue: 60 },
 * ]) // { total: 100, issuers: [{ issuer: "MOF", share: 0.6, … }, { issuer: "Toyota", share: 0.4, … }] }
 */
export function issuerShares(positions: readonly Position[]): IssuerShares {
  const byIssuer = new Map<string, number>();
  let total = 0;
  for (const position of positions) {
    total += position.marketValue;
    byIssuer.set(position.issuer, (byIssuer.get(position.issuer) ?? 0) + position.marketValue);
  }
  if (!(total > 0)) return { total, issuers: [] };
  const issuers = [...byIssuer].map(([issuer, marketValue]) => ({
    issuer,
    marketValue,
    share: stableRatio(marketValue / total),
  }));
  issuers.sort((a, b) => b.share - a.share || (a.issuer < b.issuer ? -1 : a.issuer > b.issuer ? 1 : 0));
  return { total, issuers };
}
