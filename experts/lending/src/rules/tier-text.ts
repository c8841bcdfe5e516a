import { tierMet, type Severity, type Tier } from "@kyocho/core";

/**
 * The threshold that produced `severity` for `value`, in words ("above 6",
 * "below 1.25"), so a finding says which line was crossed.
 *
 * @example
 * thresholdText(6.5, [{ above: 6, severity: "high" }, { above: 4, severity: "medium" }], "high") // "above 6"
 */
export function thresholdText(value: number, tiers: readonly Tier[], severity: Severity): string {
  const tier = tiers.find((t) => t.severity === severity && tierMet(value, t));
  if (!tier) return "outside the policy range";
  if (tier.above !== undefined) return `above ${tier.above}`;
  if (tier.atLeast !== undefined) return `at or above ${tier.atLeast}`;
  if (tier.below !== undefined) return `below ${tier.below}`;
  return `at or below ${tier.atMost}`;
}
