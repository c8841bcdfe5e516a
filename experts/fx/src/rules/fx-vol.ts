import type { ExpertFinding } from "@kyocho/core";
import type { CurrencyPosition } from "../calculators/currency-positions.js";
import type { FxVolRule } from "../fx-policy.js";
import { ruleFinding } from "@kyocho/core";
import { percent } from "./rule-finding.js";

/** A position whose volatility is known. */
export interface VolPosition extends CurrencyPosition {
  vol: number;
}

/**
 * FX-VOL: a currency more volatile than the policy allows must be fully
 * hedged; any open remainder in one is reported, whatever its size, since a
 * volatile currency can move through a partial hedge quickly.
 *
 * @example
 * fxVolFinding(rule, [{ currency: "TRY", vol: 0.3, hedgeRatio: 0.8, ... }]) // medium
 */
export function fxVolFinding(rule: FxVolRule, positions: readonly VolPosition[]): ExpertFinding | undefined {
  const hits = positions.filter((p) => p.vol > rule.volAbove && p.hedgeRatio < 1);
  if (hits.length === 0) return undefined;
  const metrics: Record<string, number | null> = { volAbove: rule.volAbove };
  for (const p of hits) {
    metrics[`vol.${p.currency}`] = p.vol;
    metrics[`hedgeRatio.${p.currency}`] = p.hedgeRatio;
  }
  const list = hits.map((p) => `${p.currency} (vol ${percent(p.vol)}, ${percent(p.hedgeRatio)} hedged)`).join("; ");
  const message = `Currencies with annualised volatility above ${percent(rule.volAbove)} not fully hedged: ${list}.`;
  return ruleFinding("FX-VOL", rule, rule.severity, message, metrics);
}
