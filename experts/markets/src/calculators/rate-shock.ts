import type { Position } from "@kyocho/core";
import { stableRatio } from "@kyocho/core";

/** The result of a parallel rate shock over the rate-sensitive part of a book. */
export interface RateShockResult {
  /** Σ marketValue of bonds and loans (equities carry no duration), base currency. */
  exposure: number;
  /**
   * Σ modifiedDuration · marketValue · shock over the bonds and loans that
   * have a duration, base currency. A floor of the true loss when some lack one.
   */
  loss: number;
  /** loss / exposure; null when there is no rate-sensitive market value. A floor when incomplete. */
  ratio: number | null;
  /** Indices (into the positions given) of bonds and loans without modifiedDuration. */
  missingDuration: number[];
  /** True when every bond and loan has a duration, so loss and ratio are exact. */
  complete: boolean;
}

/** Position kinds whose value moves with interest rates. */
export const RATE_SENSITIVE_KINDS: ReadonlySet<Position["kind"]> = new Set(["bond", "loan"]);

/**
 * First-order loss of a parallel rise of `shockBp` basis points:
 * ΔV ≈ −D_mod · V · Δy, summed over bonds and loans, and its ratio to their
 * market value. A bond or loan without a duration contributes nothing and is
 * listed, so the caller can report the gap; since durations are never
 * negative, the loss and ratio are then a floor of the true figures (the
 * ratio keeps the full exposure as its denominator for that reason).
 *
 * @example
 * rateShock([{ id: "b1", issuer: "MOF", kind: "bond", marketValue: 100, modifiedDuration: 4 }], 200)
 * // { exposure: 100, loss: 8, ratio: 0.08, missingDuration: [], complete: true }
 */
export function rateShock(positions: readonly Position[], shockBp: number): RateShockResult {
  const shock = shockBp / 10_000;
  let exposure = 0;
  let durationWeighted = 0;
  const missingDuration: number[] = [];
  positions.forEach((position, index) => {
    if (!RATE_SENSITIVE_KINDS.has(position.kind)) return;
    exposure += position.marketValue;
    if (position.modifiedDuration === undefined) {
      missingDuration.push(index);
      return;
    }
    durationWeighted += position.modifiedDuration * position.marketValue;
  });
  // Shock applied once to the summed duration-weighted value, which keeps the
  // ratio equal to shock × average duration without extra rounding noise.
  const loss = durationWeighted * shock;
  const ratio = exposure > 0 ? stableRatio((durationWeighted / exposure) * shock) : null;
  return { exposure, loss, ratio, missingDuration, complete: missingDuration.length === 0 };
}
