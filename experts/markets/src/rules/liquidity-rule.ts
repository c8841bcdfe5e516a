import { evaluateTiers, maxSeverity, type Position, type Severity } from "@kyocho/core";
import { positionLiquidity } from "../calculators/liquidity-ratio.js";
import type { LiquidityRule } from "../markets-policy.js";
import { decimal } from "./format.js";
import { ruleFinding } from "@kyocho/core";
import { type RuleOutcome } from "./rule-outcome.js";

export const LIQUIDITY_RULE_ID = "MKT-LIQ";

/**
 * Applies MKT-LIQ: every position with an adv is measured as
 * marketValue / adv against the tiers; one finding at the highest severity
 * met, naming every position that meets a tier, largest ratio first.
 * Positions without adv are skipped (a note lists them) — the policy treats
 * a missing adv as "not assessed", not as a data gap.
 *
 * @example
 * evaluateLiquidityRule(positions, policy.rules["MKT-LIQ"]).findings[0]?.message
 * // "2 positions are large against their average daily traded value: p2 (1.5× ADV, high), p1 (0.3× ADV, medium)."
 */
export function evaluateLiquidityRule(positions: readonly Position[], rule: LiquidityRule): RuleOutcome {
  const measured = positionLiquidity(positions);
  const outcome: RuleOutcome = { findings: [], gaps: [], notes: [], metrics: { maxLiquidityRatio: null } };
  const unmeasured = positions.filter((p) => p.adv === undefined).map((p) => p.id);
  if (unmeasured.length > 0) {
    outcome.notes.push(`${LIQUIDITY_RULE_ID}: no adv for ${unmeasured.join(", ")}; their liquidity was not assessed.`);
  }
  if (measured.length === 0) return outcome;

  let max = 0;
  for (const { id, ratio } of measured) {
    max = Math.max(max, ratio);
    const key = `liquidityRatio.${id}`;
    outcome.metrics[key] = Math.max(ratio, outcome.metrics[key] ?? 0);
  }
  outcome.metrics.maxLiquidityRatio = max;

  const flagged = measured
    .map((m) => ({ ...m, severity: evaluateTiers(m.ratio, rule.tiers) }))
    .filter((m): m is typeof m & { severity: Severity } => m.severity !== undefined)
    .sort((a, b) => b.ratio - a.ratio || a.index - b.index);
  if (flagged.length === 0) return outcome;

  const severity = flagged.map((f) => f.severity).reduce(maxSeverity);
  const metrics: Record<string, number | null> = { maxLiquidityRatio: max };
  for (const f of flagged) metrics[`liquidityRatio.${f.id}`] = outcome.metrics[`liquidityRatio.${f.id}`] ?? f.ratio;
  const named = flagged.map((f) => `${f.id} (${decimal(f.ratio)}× ADV, ${f.severity})`).join(", ");
  const subject = flagged.length === 1 ? "1 position is" : `${flagged.length} positions are`;
  outcome.findings.push(
    ruleFinding(LIQUIDITY_RULE_ID, rule, severity, `${subject} large against their average daily traded value: ${named}.`, metrics),
  );
  return outcome;
}
