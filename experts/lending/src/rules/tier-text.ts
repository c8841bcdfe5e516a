import { tierMet, type Tier } from "@kyocho/core/policy";
import type { Severity } from "@kyocho/core";

/** How a threshold is written: a multiple (6 / 6倍), a percentage (80% / 80%), years (10 / 10年). */
export type ThresholdUnit = "times" | "percent" | "years";

/**
 * The threshold that produced `severity` for `value`, in English and
 * Japanese ("above 6" / 「6倍超」), so a finding says which line was crossed.
 *
 * @example
 * thresholdText(6.5, [{ above: 6, severity: "high" }, { above: 4, severity: "medium" }], "high", "times")
 * // { en: "above 6", ja: "6倍超" }
 */
export function thresholdText(value: number, tiers: readonly Tier[], severity: Severity, unit: ThresholdUnit): { en: string; ja: string } {
  const tier = tiers.find((t) => t.severity === severity && tierMet(value, t));
  if (!tier) return { en: "outside the policy range", ja: "方針の範囲外" };
  const en = (n: number) => (unit === "percent" ? `${round(n * 100)}%` : `${n}`);
  const ja = (n: number) => (unit === "percent" ? `${round(n * 100)}%` : unit === "years" ? `${n}年` : `${n}倍`);
  if (tier.above !== undefined) return { en: `above ${en(tier.above)}`, ja: `${ja(tier.above)}超` };
  if (tier.atLeast !== undefined) return { en: `at or above ${en(tier.atLeast)}`, ja: `${ja(tier.atLeast)}以上` };
  if (tier.below !== undefined) return { en: `below ${en(tier.below)}`, ja: `${ja(tier.below)}未満` };
  return { en: `at or below ${en(tier.atMost!)}`, ja: `${ja(tier.atMost!)}以下` };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
