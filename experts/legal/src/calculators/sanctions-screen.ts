import type { ScreenedParty } from "../counterparties.js";

/** Why a counterparty is a sanctions hit. */
export type SanctionsReason = "jurisdiction" | "listed";

/** A counterparty that failed sanctions screening, and why. */
export interface SanctionsHit<P> {
  party: P;
  reasons: SanctionsReason[];
}

/**
 * The counterparties a sanctions screen stops: those based in a sanctioned
 * jurisdiction and those the screening vendor flagged (`sanctionsHit`).
 * Country codes compare case-insensitively so a lower-case entry cannot slip through.
 *
 * @example
 * sanctionsHits([{ country: "IR", sanctionsHit: false }], ["CU", "IR"]) // [{ party, reasons: ["jurisdiction"] }]
 */
export function sanctionsHits<P extends Pick<ScreenedParty, "country" | "sanctionsHit">>(
  parties: readonly P[],
  sanctionedJurisdictions: readonly string[],
): SanctionsHit<P>[] {
  const sanctioned = new Set(sanctionedJurisdictions.map((c) => c.trim().toUpperCase()));
  const hits: SanctionsHit<P>[] = [];
  for (const party of parties) {
    const reasons: SanctionsReason[] = [];
    if (sanctioned.has(party.country.trim().toUpperCase())) reasons.push("jurisdiction");
    if (party.sanctionsHit) reasons.push("listed");
    if (reasons.length > 0) hits.push({ party, reasons });
  }
  return hits;
}
