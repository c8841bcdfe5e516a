import { stableRatio } from "@kyocho/core/calculation";
import type { BookPosition } from "./book-positions.js";
import { issuerKey } from "./issuer-key.js";

/** One (non-sovereign) issuer's part of the whole book. */
export interface IssuerShare {
  /** The grouping key: the normalised issuerId, else the normalised issuer name. */
  issuerId: string;
  /** The issuer's name as its first position in the case spells it, for messages. */
  issuer: string;
  /** Σ |marketValue| of the issuer's positions, in B. */
  grossValue: number;
  /** grossValue / the whole book's gross value (sovereigns included), in [0, 1]. */
  share: number;
}

/** The non-sovereign book split by issuer, largest share first, and what was left out. */
export interface IssuerShares {
  /** Σ |marketValue| in B of the whole book, sovereigns included; null when a spot is missing. */
  total: number | null;
  /** Empty when the total is zero or unknown: shares of nothing are undefined, not 0. */
  issuers: IssuerShare[];
  /** The sovereign positions left out of the shares and the HHI. */
  sovereign: { ids: string[]; grossValue: number | null };
  /** Case indices of positions whose currency has no spot. */
  missingSpot: number[];
}

/**
 * Groups the non-sovereign positions by issuer key (`issuerKey`: issuerId,
 * else the issuer name, normalised) across kinds — a bond, a loan and the
 * shares of one issuer default together — and divides each issuer's gross
 * value by the whole book's gross value. Sovereign positions (`sovereign:
 * true`) count in the book but never as a single name: they are not an
 * issuer share and not a term of the HHI, so a book of government bonds is
 * not "concentrated" in its government, while a corporate name is measured
 * against everything the desk holds ("at most 25% of the book"). Gross means |marketValue|: a
 * short bond or a swap worth less than zero is still a position in that name
 * to unwind, and netting a long against a short of one issuer would let a
 * hedge hide a concentration. The sovereign positions are reported. Ties are
 * ordered by key so the result is reproducible.
 *
 * @example
 * // "Sakura Bank" 30 and " sakura  bank" 10 are one issuer; a sovereign 60 counts in the book only:
 * issuerShares(book) // { total: 100, issuers: [{ issuerId: "sakura bank", share: 0.4, … }], sovereign: { grossValue: 60, … } }
 */
export function issuerShares(book: readonly BookPosition[]): IssuerShares {
  const byIssuer = new Map<string, { issuer: string; grossValue: number }>();
  const sovereignIds: string[] = [];
  let sovereignGross: number | null = 0;
  let total = 0;
  const missingSpot: number[] = [];
  for (const p of book) {
    const gross = p.spot === undefined ? undefined : Math.abs(p.position.marketValue * p.spot);
    if (p.position.sovereign === true) {
      sovereignIds.push(p.position.id);
      sovereignGross = gross === undefined || sovereignGross === null ? null : sovereignGross + gross;
      if (gross === undefined) missingSpot.push(p.index);
      else total += gross;
      continue;
    }
    if (gross === undefined) {
      missingSpot.push(p.index);
      continue;
    }
    total += gross;
    const key = issuerKey(p.position);
    const entry = byIssuer.get(key);
    if (entry) entry.grossValue += gross;
    else byIssuer.set(key, { issuer: p.position.issuer, grossValue: gross });
  }
  const sovereign = { ids: sovereignIds, grossValue: sovereignGross };
  if (missingSpot.length > 0) return { total: null, issuers: [], sovereign, missingSpot };
  if (!(total > 0)) return { total, issuers: [], sovereign, missingSpot };
  const issuers = [...byIssuer].map(([issuerId, { issuer, grossValue }]) => ({
    issuerId,
    issuer,
    grossValue,
    share: stableRatio(grossValue / total),
  }));
  issuers.sort((a, b) => b.share - a.share || (a.issuerId < b.issuerId ? -1 : a.issuerId > b.issuerId ? 1 : 0));
  return { total, issuers, sovereign, missingSpot };
}
