import { z } from "zod";
import { compareSeverity, SeveritySchema, type Severity } from "../assessment/severity.js";
import { stableRatio } from "../calculation/stable-ratio.js";

/**
 * One threshold of a rule, written the way a risk officer reads it:
 * `{ above: 6.0, severity: high }` fires when the metric is > 6.0. Exactly one
 * of `above` (>), `atLeast` (>=), `below` (<) and `atMost` (<=) is given.
 */
export const TierSchema = z
  .strictObject({
    severity: SeveritySchema,
    above: z.number().finite().optional(),
    atLeast: z.number().finite().optional(),
    below: z.number().finite().optional(),
    atMost: z.number().finite().optional(),
  })
  .refine((tier) => [tier.above, tier.atLeast, tier.below, tier.atMost].filter((v) => v !== undefined).length === 1, {
    message: "a tier names exactly one of above, atLeast, below, atMost",
  });
export type Tier = z.infer<typeof TierSchema>;
export const TiersSchema = z.array(TierSchema).min(1);

/**
 * True when `value` meets the tier's threshold. The value is first rid of
 * floating-point noise (see {@link stableRatio}), so an exact 1.25 computed
 * as 1.2499999999999998 does not breach "below 1.25".
 */
export function tierMet(raw: number, tier: Tier): boolean {
  const value = stableRatio(raw);
  if (tier.above !== undefined) return value > tier.above;
  if (tier.atLeast !== undefined) return value >= tier.atLeast;
  if (tier.below !== undefined) return value < tier.below;
  if (tier.atMost !== undefined) return value <= tier.atMost;
  return false;
}

/**
 * The highest severity among the tiers that `value` meets, or undefined when
 * none is met. Order in the file does not matter: two tiers met report once,
 * at the higher one.
 *
 * @example
 * evaluateTiers(5, [{ above: 4, severity: "medium" }, { above: 6, severity: "high" }]) // "medium"
 */
export function evaluateTiers(value: number, tiers: readonly Tier[]): Severity | undefined {
  let best: Severity | undefined;
  for (const tier of tiers) {
    if (tierMet(value, tier) && (best === undefined || compareSeverity(tier.severity, best) > 0)) best = tier.severity;
  }
  return best;
}
