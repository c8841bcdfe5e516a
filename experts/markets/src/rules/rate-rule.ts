import { evaluateTiers, type Position } from "@kyocho/core";
import { rateShock } from "../calculators/rate-shock.js";
import type { RateRule } from "../markets-policy.js";
import { amount, percent } from "./format.js";
import { ruleFinding } from "@kyocho/core";
import { type RuleOutcome } from "./rule-outcome.js";

export const RATE_RULE_ID = "MKT-RATE";

/**
 * Applies MKT-RATE: the loss of a parallel rise of `rule.shockBp` over the
 * bonds and loans, divided by their market value, against the rule's tiers.
 *
 * A bond or loan without modifiedDuration makes the exact ratio unknown: the
 * gap is reported and the exact metrics are null. The ratio computed with the
 * missing durations taken as zero is still a proven floor (durations are
 * never negative), so when that floor alone already breaches a tier the
 * finding is reported at that tier, marked "at least" — a known breach is not
 * hidden behind a gap. No bonds or loans, or a zero total, is no finding.
 *
 * @example
 * evaluateRateRule(positions, policy.rules["MKT-RATE"], "JPY").findings[0]?.severity // "medium"
 */
export function evaluateRateRule(positions: readonly Position[], rule: RateRule, currency: string): RuleOutcome {
  const result = rateShock(positions, rule.shockBp);
  const shock = `+${rule.shockBp}bp`;
  const outcome: RuleOutcome = {
    findings: [],
    gaps: [],
    notes: [],
    metrics: {
      rateSensitiveMarketValue: result.exposure,
      rateShockLoss: result.complete ? result.loss : null,
      rateShockLossRatio: result.complete ? result.ratio : null,
    },
  };
  if (!result.complete) {
    const ids = result.missingDuration.map((i) => positions[i]?.id ?? `#${i}`);
    outcome.gaps.push({
      fields: result.missingDuration.map((i) => `markets.positions[${i}].modifiedDuration`),
      message:
        `${RATE_RULE_ID} cannot be evaluated exactly: ${plural(ids.length, "bond or loan", "bonds or loans")} ` +
        `without modifiedDuration (${ids.join(", ")}).`,
    });
    outcome.metrics.rateShockLossFloor = result.loss;
    outcome.metrics.rateShockLossRatioFloor = result.ratio;
  }
  if (result.ratio === null) return outcome;

  const severity = evaluateTiers(result.ratio, rule.tiers);
  if (severity === undefined) return outcome;
  const metrics: Record<string, number | null> = result.complete
    ? { rateShockLoss: result.loss, rateShockLossRatio: result.ratio, rateSensitiveMarketValue: result.exposure }
    : { rateShockLossFloor: result.loss, rateShockLossRatioFloor: result.ratio, rateSensitiveMarketValue: result.exposure };
  const message = result.complete
    ? `A ${shock} parallel rise would cost ${amount(result.loss, currency)}, ${percent(result.ratio)} of the ` +
      `${amount(result.exposure, currency)} of bonds and loans.`
    : `A ${shock} parallel rise would cost at least ${amount(result.loss, currency)}, at least ` +
      `${percent(result.ratio)} of the ${amount(result.exposure, currency)} of bonds and loans, counting only the ` +
      `positions with a duration; the others can only add to it.`;
  outcome.findings.push(ruleFinding(RATE_RULE_ID, rule, severity, message, metrics));
  return outcome;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
