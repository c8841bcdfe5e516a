/**
 * Boundaries of a policy's tiered rule, read from the loaded policy, so that an
 * expert's tests follow a risk officer's threshold change instead of repeating
 * the reference policy's numbers.
 */

/** One tier as a policy file writes it: exactly one comparison and the severity it reports. */
export interface PolicyTier {
  above?: number;
  atLeast?: number;
  below?: number;
  atMost?: number;
  severity: string;
}

const SEVERITY_RANK = ["low", "medium", "high", "critical"];

/** The number a tier compares against. */
export function tierValue(tier: PolicyTier): number {
  const value = tier.above ?? tier.atLeast ?? tier.below ?? tier.atMost;
  if (value === undefined) throw new Error(`tier ${JSON.stringify(tier)} names no threshold`);
  return value;
}

/** The threshold of the tier that reports `severity`. */
export function thresholdFor(tiers: readonly PolicyTier[], severity: string): number {
  const tier = tiers.find((t) => t.severity === severity);
  if (!tier) throw new Error(`no tier reports ${severity}`);
  return tierValue(tier);
}

/** Whether a metric meets a tier, as the policy file's header defines the four comparisons. */
function meets(tier: PolicyTier, metric: number): boolean {
  if (tier.above !== undefined) return metric > tier.above;
  if (tier.atLeast !== undefined) return metric >= tier.atLeast;
  if (tier.below !== undefined) return metric < tier.below;
  return metric <= tier.atMost!;
}

/** The severity the policy assigns to a metric: the highest tier met, or undefined when none is. */
export function expectedSeverity(tiers: readonly PolicyTier[], metric: number): string | undefined {
  const met = tiers.filter((t) => meets(t, metric)).map((t) => t.severity);
  return met.sort((a, b) => SEVERITY_RANK.indexOf(b) - SEVERITY_RANK.indexOf(a))[0];
}

/**
 * For every tier: the threshold itself and values a relative `step` either side
 * of it, each with the severity the policy gives it.
 *
 * @example
 * boundaryCases([{ above: 4, severity: "medium" }])
 * // [[3.996, undefined], [4, undefined], [4.004, "medium"]]
 */
export function boundaryCases(tiers: readonly PolicyTier[], step = 1e-3): Array<[metric: number, severity: string | undefined]> {
  return tiers.flatMap((tier) => {
    const value = tierValue(tier);
    const delta = Math.abs(value) * step || step;
    return [value - delta, value, value + delta].map((metric): [number, string | undefined] => [metric, expectedSeverity(tiers, metric)]);
  });
}

/**
 * `policy` with `overrides` merged into one expert's section: a hand-computed
 * test states the thresholds its arithmetic rests on, and so keeps passing when
 * a risk officer moves them in the shipped policy file.
 *
 * @example
 * withThresholds(loadReferencePolicy(), "lending", { rules: { "LEN-TENOR": { tiers: [{ above: 10, severity: "medium" }] } } })
 */
export function withThresholds<P extends { experts: Record<string, unknown> }>(policy: P, expert: string, overrides: object): P {
  const merged = structuredClone(policy);
  merged.experts[expert] = mergeDeep(merged.experts[expert], overrides);
  return merged;
}

function mergeDeep(base: unknown, over: unknown): unknown {
  if (typeof base !== "object" || base === null || Array.isArray(base) || typeof over !== "object" || over === null || Array.isArray(over)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(over)) out[key] = mergeDeep(out[key], value);
  return out;
}
