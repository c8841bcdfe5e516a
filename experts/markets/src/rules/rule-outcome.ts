import type { ExpertFinding, Severity } from "@kyocho/core";

/** A field a rule needed and did not find, before it becomes a DATA-GAP finding. */
export interface RuleGap {
  fields: string[];
  message: string;
}

/**
 * What applying one rule yields. Rules stay pure: they do not build DATA-GAP
 * findings themselves (the severity of a gap is the policy's merge setting,
 * which the expert's run context knows), they name the gap.
 */
export interface RuleOutcome {
  findings: ExpertFinding[];
  gaps: RuleGap[];
  metrics: Record<string, number | null>;
  notes: string[];
}

/** The policy fields every rule finding repeats. */
export interface RuleText {
  title: string;
  condition: string;
  citation: { document: string; section: string };
}

/**
 * A rule finding carrying the rule's citation and recommended condition.
 *
 * @example
 * ruleFinding("MKT-LIQ", policy.rules["MKT-LIQ"], "medium", "p1 is 0.3 days of ADV", { maxLiquidityRatio: 0.3 })
 */
export function ruleFinding(
  ruleId: string,
  rule: RuleText,
  severity: Severity,
  message: string,
  metrics: Record<string, number | null>,
): ExpertFinding {
  return {
    ruleId,
    severity,
    title: rule.title,
    message,
    metrics,
    citations: [{ document: rule.citation.document, section: rule.citation.section }],
    condition: rule.condition,
    source: "rule",
  };
}
