import type { ExpertResult } from "@kyocho/core";
import { effectiveHedgeRatio } from "./calculators/unhedged-foreign-share.js";

/** Hedge ratios per currency as the fx expert reported them, and what the stress had to assume. */
export interface HedgeRatioReading {
  ratios: Record<string, number>;
  notes: string[];
}

/**
 * Reads `hedgeRatio.<CUR>` from the fx expert's result for each foreign
 * revenue currency. A currency fx reports nothing for had no exposure there,
 * so nothing hedges it (0). When the fx result is missing or failed the
 * stress also assumes no hedge — the prudent reading — and says so in a note.
 *
 * @example
 * readHedgeRatios(ctx.dependencies.fx, ["USD"]) // { ratios: { USD: 0.6 }, notes: [] }
 */
export function readHedgeRatios(fx: ExpertResult | undefined, currencies: readonly string[]): HedgeRatioReading {
  const ratios: Record<string, number> = {};
  const notes: string[] = [];
  const usable = fx !== undefined && fx.status === "ok";
  if (!usable && currencies.length > 0) {
    notes.push(
      fx === undefined
        ? "FX-stressed DSCR: no fx expert result was available, so foreign revenue is stressed as fully unhedged."
        : `FX-stressed DSCR: the fx expert did not finish (${fx.status}), so foreign revenue is stressed as fully unhedged.`,
    );
  }
  for (const currency of currencies) {
    const value = usable ? fx.metrics[`hedgeRatio.${currency}`] : undefined;
    ratios[currency] = effectiveHedgeRatio(value);
    if (usable && (value === undefined || value === null)) {
      notes.push(`FX-stressed DSCR: the fx expert reports no exposure or hedge in ${currency}; its revenue is stressed as unhedged.`);
    }
  }
  return { ratios, notes };
}
