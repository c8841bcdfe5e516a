import type { ExpertFinding, Severity } from "@kyocho/core";
import type { TieredRule } from "../lending-policy.js";

/**
 * A rule finding carrying what a reviewer needs to check it: the rule id,
 * the severity, the metric values used, the policy's recommended condition
 * and the citation of the rule's rationale.
 *
 * @example
 * ruleFinding("LEN-TENOR", policy.rules["LEN-TENOR"], "medium", "Tenor 12 years is above 10.", { tenorYears: 12 })
 */
export function ruleFinding(
  ruleId: string,
  rule: Pick<TieredRule, "title" | "condition" | "citation">,
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
