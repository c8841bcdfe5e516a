import type { ExpertFinding } from "../expert/expert-types.js";
import type { Severity } from "../assessment/severity.js";
import type { CitationRef } from "./policy-schema.js";

/** The parts of a policy rule that every finding it produces repeats. */
export interface RuleText {
  title: string;
  condition: string;
  citation: CitationRef;
}

/**
 * A rule finding carrying what a reviewer needs to check it: the rule id,
 * severity, the metric values used, the field paths involved, the policy's
 * recommended condition and the citation of the rule's rationale.
 *
 * @example
 * ruleFinding("LEN-TENOR", policy.rules["LEN-TENOR"], "medium", "Tenor 12 years is above 10.", { tenorYears: 12 })
 */
export function ruleFinding(
  ruleId: string,
  rule: RuleText,
  severity: Severity,
  message: string,
  metrics: Record<string, number | null>,
  fields?: string[],
): ExpertFinding {
  return {
    ruleId,
    severity,
    title: rule.title,
    message,
    metrics,
    citations: [{ document: rule.citation.document, section: rule.citation.section }],
    condition: rule.condition,
    ...(fields && fields.length > 0 ? { fields } : {}),
    source: "rule",
  };
}
