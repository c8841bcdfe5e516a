import { convert, missingSpotPaths, type Collateral } from "@kyocho/core/case";
import type { Case } from "@kyocho/core";
import type { Haircuts } from "../lending-policy.js";

/** The facility's collateral in the facility currency: gross value, value after haircuts, prior-ranking charges. */
export interface CollateralCover {
  /** Σ value, converted to the facility currency. */
  grossValue: number;
  /** Σ value × (1 − haircut[type]) — the lending value (担保掛目 applied). */
  valueAfterHaircuts: number;
  /** Σ prior-ranking charges, converted to the facility currency. */
  priorCharges: number;
}

/** The collateral cover, or the spot paths its conversion lacks. */
export type CollateralCoverOutcome = { ok: true; value: CollateralCover } | { ok: false; missing: string[] };

/**
 * Sums the facility's collateral in the facility currency: each value and
 * each prior charge converted from its own currency through the base
 * currency (x · spot(C) / spot(facility)), each value cut by the policy's
 * haircut for its type. A missing spot is returned as the
 * `marketData.<CUR>.spot` paths to report as a data gap, never guessed.
 *
 * @example
 * // facility in JPY (the base), one USD building worth 10 at spot 150 with 2 of prior charges:
 * collateralCover(c, "JPY", [{ type: "real_estate", value: 10, currency: "USD", priorCharges: 2 }], haircuts)
 * // { ok: true, value: { grossValue: 1500, valueAfterHaircuts: 1050, priorCharges: 300 } }
 */
export function collateralCover(c: Case, facilityCurrency: string, collateral: readonly Collateral[], haircuts: Haircuts): CollateralCoverOutcome {
  const foreign = collateral.map((item) => item.currency).filter((cur) => cur !== facilityCurrency);
  const missing = foreign.length > 0 ? missingSpotPaths(c, facilityCurrency, ...foreign) : [];
  if (missing.length > 0) return { ok: false, missing };
  let grossValue = 0;
  let valueAfterHaircuts = 0;
  let priorCharges = 0;
  for (const item of collateral) {
    const value = convert(c, item.value, item.currency, facilityCurrency)!;
    grossValue += value;
    valueAfterHaircuts += value * (1 - haircuts[item.type]);
    priorCharges += convert(c, item.priorCharges ?? 0, item.currency, facilityCurrency)!;
  }
  return { ok: true, value: { grossValue, valueAfterHaircuts, priorCharges } };
}

/** Inputs of {@link ltv}, all in the facility currency. */
export interface LtvInput {
  amount: number;
  priorCharges: number;
  valueAfterHaircuts: number;
}

/**
 * Haircut-adjusted loan to value: (facility amount + prior-ranking charges)
 * / collateral value after haircuts. Collateral worth nothing after haircuts
 * against a positive claim is an unlimited LTV (Infinity); no claim at all
 * has LTV 0 whatever secures it.
 *
 * @example
 * ltv({ amount: 700, priorCharges: 100, valueAfterHaircuts: 1000 }) // 0.8
 * ltv({ amount: 80, priorCharges: 0, valueAfterHaircuts: 0 })        // Infinity
 */
export function ltv({ amount, priorCharges, valueAfterHaircuts }: LtvInput): number {
  const claim = amount + priorCharges;
  if (claim <= 0) return 0;
  if (valueAfterHaircuts <= 0) return Number.POSITIVE_INFINITY;
  return claim / valueAfterHaircuts;
}
