import type { Position } from "@kyocho/core/case";

/**
 * The key positions are grouped by for concentration: `issuerId` when given
 * (an LEI, an internal obligor number), else the issuer name. Either is
 * trimmed, lower-cased and has its runs of whitespace collapsed, so
 * "Japan Government" and " japan  government" are one issuer; "Japan Govt"
 * stays another unless an `issuerId` joins them.
 *
 * @example
 * issuerKey({ issuer: " Japan  Government" }) // "japan government"
 * issuerKey({ issuer: "Japan Govt", issuerId: "JP-MOF" }) // "jp-mof"
 */
export function issuerKey(position: Pick<Position, "issuer" | "issuerId">): string {
  return normalizeIssuer(position.issuerId ?? position.issuer);
}

/**
 * Trims, lower-cases and collapses whitespace.
 *
 * @example
 * normalizeIssuer("  Kanto\tPower ") // "kanto power"
 */
export function normalizeIssuer(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}
