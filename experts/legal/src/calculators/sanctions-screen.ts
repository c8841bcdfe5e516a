import type { Party } from "../parties.js";

/** Why a party is a sanctions hit: a sanctioned country, or a screening result of `hit`. */
export type SanctionsReason = "jurisdiction" | "listed";

/** A party that failed sanctions screening, why, and the field paths that show it. */
export interface SanctionsHit<P> {
  party: P;
  reasons: SanctionsReason[];
  /** The sanctioned countries among the party's countries. */
  sanctionedCountries: string[];
  fields: string[];
}

/**
 * The parties a sanctions screen stops: those with any country on the
 * sanctioned list (a party given two countries is screened on both) and
 * those whose screening result is `hit`, however old the screening — a
 * stale hit is still a hit. Country codes compare case-insensitively so a
 * lower-case entry cannot slip through.
 *
 * @example
 * sanctionsHits([{ countries: ["IR"], entries: [{ path: "borrower", country: "IR" }] }], ["CU", "IR"])
 * // [{ party, reasons: ["jurisdiction"], sanctionedCountries: ["IR"], fields: ["borrower.country"] }]
 */
export function sanctionsHits<P extends Pick<Party, "countries" | "entries" | "screening">>(
  parties: readonly P[],
  sanctionedJurisdictions: readonly string[],
): SanctionsHit<P>[] {
  const sanctioned = new Set(sanctionedJurisdictions.map((c) => c.trim().toUpperCase()));
  const isSanctioned = (country: string) => sanctioned.has(country.trim().toUpperCase());
  const hits: SanctionsHit<P>[] = [];
  for (const party of parties) {
    const reasons: SanctionsReason[] = [];
    const fields: string[] = [];
    const sanctionedCountries = party.countries.filter(isSanctioned);
    if (sanctionedCountries.length > 0) {
      reasons.push("jurisdiction");
      fields.push(...party.entries.filter((e) => isSanctioned(e.country)).map((e) => `${e.path}.country`));
    }
    if (party.screening?.result === "hit") {
      reasons.push("listed");
      fields.push(party.screening.path);
    }
    if (reasons.length > 0) hits.push({ party, reasons, sanctionedCountries, fields });
  }
  return hits;
}
