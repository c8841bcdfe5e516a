import type { Position } from "@kyocho/core/case";
import { stableRatio } from "@kyocho/core/calculation";
import type { BookPosition } from "./book-positions.js";

/** Position kinds whose value moves with interest rates: the rates book. Equities stay out. */
export const RATE_SENSITIVE_KINDS: ReadonlySet<Position["kind"]> = new Set(["bond", "loan", "swap"]);

/**
 * A position's DV01 in B per basis point, signed (positive loses when rates
 * rise): the given `dv01`, else modifiedDuration · marketValue · 0.0001, both
 * in the position's currency and then converted at its spot. A bond or loan
 * worth nothing carries no rate risk whatever its duration, so it is 0.
 * Undefined when it cannot be known: no spot, or neither dv01 nor duration
 * (a swap's market value says nothing of its rate risk: a par swap is worth
 * zero and carries its full DV01, so a swap needs one of the two).
 *
 * @example
 * positionDv01({ …, kind: "bond", marketValue: 1_000, modifiedDuration: 5 }, 1) // 0.5
 * positionDv01({ …, kind: "swap", marketValue: 0, dv01: -0.3 }, 150) // -45
 */
export function positionDv01(position: Position, spot: number | undefined): number | undefined {
  if (spot === undefined) return undefined;
  if (position.dv01 !== undefined) return position.dv01 * spot;
  if (position.modifiedDuration !== undefined) return position.modifiedDuration * position.marketValue * 0.0001 * spot;
  if (position.kind !== "swap" && position.marketValue === 0) return 0;
  return undefined;
}

/** The result of a parallel rate shock, up or down, over the rates book (bonds, loans and swaps). */
export interface RateShockResult {
  /** Σ |marketValue| of the rates book in B; null when a spot is missing. */
  grossValue: number | null;
  /** Σ dv01 of the rates book, B per bp; null when incomplete. */
  netDv01: number | null;
  /** max(netDv01 · shockBp, −netDv01 · shockBp) in B; null when incomplete. */
  loss: number | null;
  /** loss / grossValue; null when incomplete or when the rates book has no gross value. */
  ratio: number | null;
  /**
   * The shock that hurts, signed: +shockBp when a rise loses (net DV01 > 0),
   * −shockBp when a fall does, 0 when the book is flat; null when incomplete.
   */
  worstShockBp: number | null;
  /**
   * The least loss the known figures prove when a DV01 is missing (a bond or
   * loan's DV01 has the sign of its value, since durations are never negative;
   * a swap's could be either): 0 when the unknown ones could offset the rest.
   * Equal to `loss` when complete; null when a spot is missing.
   */
  lossFloor: number | null;
  /** lossFloor / grossValue; null as `ratio`, or when a spot is missing. */
  ratioFloor: number | null;
  /** Case indices of rates-book positions with neither dv01 nor modifiedDuration. */
  missingDv01: number[];
  /** Case indices of rates-book positions whose currency has no spot. */
  missingSpot: number[];
  /** True when every rates-book position has a DV01 and a spot. */
  complete: boolean;
}

/**
 * First-order loss of a parallel shock of `shockBp` basis points in
 * whichever direction hurts the book: max(Σdv01 · shockBp, −Σdv01 · shockBp),
 * and its ratio to the rates book's gross value Σ|marketValue|. A pay-fixed
 * swap (negative DV01) offsets long bonds and lowers the loss; more of it
 * than the bonds need turns the book short duration, and the fall in rates
 * becomes the loss.
 *
 * @example
 * // A 1 000 bond of duration 5 (DV01 0.5) and a pay-fixed swap of DV01 −0.3 worth −20:
 * rateShock(book, 200) // { grossValue: 1020, netDv01: 0.2, loss: 40, ratio: ≈ 0.0392 (40 / 1 020), worstShockBp: 200, … }
 */
export function rateShock(book: readonly BookPosition[], shockBp: number): RateShockResult {
  let gross = 0;
  let knownNet = 0;
  let mayAdd = false; // a missing DV01 could be positive
  let mayTake = false; // a missing DV01 could be negative
  const missingDv01: number[] = [];
  const missingSpot: number[] = [];
  for (const p of book) {
    if (!RATE_SENSITIVE_KINDS.has(p.position.kind)) continue;
    if (p.spot === undefined) {
      missingSpot.push(p.index);
      continue;
    }
    gross += Math.abs(p.position.marketValue * p.spot);
    const dv01 = positionDv01(p.position, p.spot);
    if (dv01 !== undefined) {
      knownNet += dv01;
      continue;
    }
    missingDv01.push(p.index);
    if (p.position.kind === "swap") {
      mayAdd = mayTake = true;
    } else if (p.position.marketValue > 0) {
      mayAdd = true;
    } else {
      mayTake = true;
    }
  }
  if (missingSpot.length > 0) {
    return {
      grossValue: null,
      netDv01: null,
      loss: null,
      ratio: null,
      worstShockBp: null,
      lossFloor: null,
      ratioFloor: null,
      missingDv01,
      missingSpot,
      complete: false,
    };
  }
  const complete = missingDv01.length === 0;
  // The smallest |Σdv01| the unknown DV01s allow: they can only push the net in the directions they may take.
  const leastNet = mayAdd && mayTake ? 0 : mayAdd ? Math.max(knownNet, 0) : mayTake ? Math.max(-knownNet, 0) : Math.abs(knownNet);
  const lossFloor = leastNet * shockBp;
  const ratioFloor = gross > 0 ? stableRatio(lossFloor / gross) : null;
  return {
    grossValue: gross,
    netDv01: complete ? knownNet : null,
    loss: complete ? lossFloor : null,
    ratio: complete ? ratioFloor : null,
    worstShockBp: complete ? (knownNet > 0 ? shockBp : knownNet < 0 ? -shockBp : 0) : null,
    lossFloor,
    ratioFloor,
    missingDv01,
    missingSpot,
    complete,
  };
}
