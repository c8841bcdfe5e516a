import { evaluateTiers, ruleFinding, type Severity } from "@kyocho/core";
import { maxSeverity } from "@kyocho/core/assessment";
import type { Position } from "@kyocho/core/case";
import { positionLiquidity } from "../calculators/liquidity-ratio.js";
import type { LiquidityRule } from "../markets-policy.js";
import { decimal, idList, severityJa } from "./format.js";
import type { RuleOutcome } from "./rule-outcome.js";

export const LIQUIDITY_RULE_ID = "MKT-LIQ";

/**
 * Applies MKT-LIQ: every position with an adv is measured as
 * |marketValue| / adv (both in the position's currency) against the tiers;
 * one finding at the highest severity met, naming every position that meets
 * a tier, largest ratio first. A position with a non-zero value and no adv is
 * a DATA-GAP naming `markets.positions[i].adv`: its liquidity is unknown, not
 * fine. The positions that were measured are still judged — a breach there
 * does not depend on the others.
 *
 * @example
 * evaluateLiquidityRule(positions, policy.rules["MKT-LIQ"]).findings[0]?.message
 * // { en: "2 positions are large against their average daily traded value: p2 (1.5× ADV, high), p1 (0.3× ADV, medium).", ja: … }
 */
export function evaluateLiquidityRule(positions: readonly Position[], rule: LiquidityRule): RuleOutcome {
  const { measured, missingAdv } = positionLiquidity(positions);
  const outcome: RuleOutcome = { findings: [], gaps: [], notes: [], metrics: { maxLiquidityRatio: null } };
  if (missingAdv.length > 0) {
    const ids = missingAdv.map((i) => positions[i]!.id);
    outcome.gaps.push({
      fields: missingAdv.map((i) => `markets.positions[${i}].adv`),
      message: {
        en:
          `${LIQUIDITY_RULE_ID} cannot assess ${ids.length === 1 ? "1 position" : `${ids.length} positions`} without an ` +
          `average daily traded value (adv): ${idList(ids, "en")}.`,
        ja: `1日平均売買代金（adv）のないポジションが${ids.length}件あり、${LIQUIDITY_RULE_ID} で流動性を評価できません：${idList(ids, "ja")}。`,
      },
    });
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
  const namedJa = flagged.map((f) => `${f.id}（ADV の${decimal(f.ratio)}倍、${severityJa(f.severity)}）`).join("、");
  const subject = flagged.length === 1 ? "1 position is" : `${flagged.length} positions are`;
  const message = {
    en: `${subject} large against their average daily traded value: ${named}.`,
    ja: `1日平均売買代金に比べて大きいポジションが${flagged.length}件あります：${namedJa}。`,
  };
  outcome.findings.push(ruleFinding(LIQUIDITY_RULE_ID, rule, severity, message, metrics));
  return outcome;
}
