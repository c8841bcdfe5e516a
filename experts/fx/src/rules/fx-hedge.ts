import { maxSeverity, type ExpertFinding, type Severity } from "@kyocho/core";
import type { CurrencyPosition } from "../calculators/currency-positions.js";
import type { FxHedgeRule } from "../fx-policy.js";
import { ruleFinding } from "@kyocho/core";
import { percent } from "./rule-finding.js";

/**
 * FX-HEDGE: every currency whose hedge ratio is below the policy minimum is
 * under-hedged; a long-dated one (tenor above the policy's years) is the
 * more severe, because the rate has longer to move before the cash flow.
 * One finding for the whole book, at the highest severity among the
 * currencies, naming each of them in its metrics.
 *
 * @example
 * fxHedgeFinding(rule, [{ currency: "USD", hedgeRatio: 0.3, tenorYears: 3, ... }])
 * // { ruleId: "FX-HEDGE", severity: "high", metrics: { "hedgeRatio.USD": 0.3, "tenorYears.USD": 3, ... } }
 */
export function fxHedgeFinding(rule: FxHedgeRule, positions: readonly CurrencyPosition[]): ExpertFinding | undefined {
  const short = positions.filter((p) => p.gross > 0 && p.hedgeRatio < rule.minHedgeRatio);
  if (short.length === 0) return undefined;
  let severity: Severity | undefined;
  const metrics: Record<string, number | null> = { minHedgeRatio: rule.minHedgeRatio };
  const parts: string[] = [];
  for (const p of short) {
    const long = p.tenorYears > rule.longTenorAboveYears;
    const own = long ? rule.longTenorSeverity : rule.shortTenorSeverity;
    severity = severity === undefined ? own : maxSeverity(severity, own);
    metrics[`hedgeRatio.${p.currency}`] = p.hedgeRatio;
    metrics[`tenorYears.${p.currency}`] = p.tenorYears;
    metrics[`netOpen.${p.currency}`] = p.netOpen;
    parts.push(`${p.currency} ${percent(p.hedgeRatio)} hedged over ${p.tenorYears}y${long ? " (long tenor)" : ""}`);
  }
  const message =
    `Hedge ratio below the ${percent(rule.minHedgeRatio)} minimum: ${parts.join("; ")}. ` +
    `Tenors above ${rule.longTenorAboveYears}y are rated ${rule.longTenorSeverity}, up to ${rule.longTenorAboveYears}y ${rule.shortTenorSeverity}.`;
  return ruleFinding("FX-HEDGE", rule, severity!, message, metrics);
}
