import { evaluateTiers, missingSpotPaths, spotOf, type Case } from "@kyocho/core";
import { groupExposure, largeExposureRatio } from "../calculators/large-exposure.js";
import type { LegalPolicy } from "../legal-policy.js";
import { ruleFinding } from "@kyocho/core";
import { passed, type DataGapFn, type RuleOutcome } from "./rule-outcome.js";

export const LARGE_EXPOSURE_RULE_ID = "LEG-LEX";

/**
 * LEG-LEX: (existing exposure + facility amount at spot) / Tier 1 capital
 * against the policy's tiers. Skipped without a facility; a missing spot for
 * the facility currency is a data gap, never a guess.
 *
 * @example
 * applyLargeExposureRule({ c, rule: policy.rules["LEG-LEX"], dataGap: ctx.dataGap })
 */
export function applyLargeExposureRule(input: {
  c: Pick<Case, "bank" | "facility" | "marketData">;
  rule: LegalPolicy["rules"]["LEG-LEX"];
  dataGap: DataGapFn;
}): RuleOutcome {
  const { c, rule } = input;
  const facility = c.facility;
  if (!facility) return passed({}, ["LEG-LEX skipped: no facility in the case."]);

  const spot = spotOf(c as Case, facility.currency);
  const unknown = { largeExposureRatio: null, groupExposure: null };
  if (spot === undefined) {
    const fields = missingSpotPaths(c as Case, facility.currency);
    const message = `LEG-LEX cannot be evaluated: no spot rate for ${facility.currency} to convert the facility into ${c.bank.baseCurrency}.`;
    return { findings: [input.dataGap(fields, message)], metrics: unknown, notes: [] };
  }
  const values = {
    existingExposure: facility.existingExposure,
    amount: facility.amount,
    spot,
    tier1Capital: c.bank.tier1Capital,
  };
  const ratio = largeExposureRatio(values);
  if (ratio === undefined) {
    const message = "LEG-LEX cannot be evaluated: Tier 1 capital must be positive.";
    return { findings: [input.dataGap(["bank.tier1Capital"], message)], metrics: unknown, notes: [] };
  }

  const exposure = groupExposure(values);
  const metrics = { largeExposureRatio: ratio, groupExposure: exposure };
  const severity = evaluateTiers(ratio, rule.tiers);
  if (severity === undefined) return passed(metrics);

  const base = c.bank.baseCurrency;
  const message =
    `Group exposure of ${formatAmount(exposure)} ${base} (existing ${formatAmount(facility.existingExposure)} ${base} ` +
    `+ ${formatAmount(facility.amount)} ${facility.currency} at ${spot}) is ${formatPercent(ratio)} of Tier 1 capital ` +
    `(${formatAmount(c.bank.tier1Capital)} ${base}).`;
  const findingMetrics = { ...metrics, existingExposure: facility.existingExposure, tier1Capital: c.bank.tier1Capital, spot };
  const fields = ["facility.amount", "facility.existingExposure", "bank.tier1Capital"];
  return { findings: [ruleFinding(LARGE_EXPOSURE_RULE_ID, rule, severity, message, findingMetrics, fields)], metrics, notes: [] };
}

function formatAmount(value: number): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(value);
}

function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(2)}%`;
}
