import type { CitationRef, ExpertFinding, Severity } from "@kyocho/core";

/** What every FX rule's policy entry carries besides its thresholds. */
export interface RuleText {
  title: string;
  condition: string;
  citation: CitationRef;
}

/**
 * A rule finding with the policy's title, recommended condition and
 * citation, so every judgement points back to the rule that made it.
 *
 * @example
 * ruleFinding("FX-VOL", rule, "medium", "USD vol 18% above 15%", { "vol.USD": 0.18 })
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

/**
 * A ratio as a percentage for messages, without trailing noise.
 *
 * @example
 * percent(0.125) // "12.5%"
 */
export function percent(value: number): string {
  return `${Number((value * 100).toFixed(2))}%`;
}

/**
 * A money amount for messages, rounded to whole units with thousands separators.
 *
 * @example
 * money(1234567.8, "JPY") // "JPY 1,234,568"
 */
export function money(value: number, currency: string): string {
  return `${currency} ${Math.round(value).toLocaleString("en-US")}`;
}
