import type { ExpertFinding } from "../expert/expert-types.js";
import type { Severity } from "../assessment/severity.js";
import type { CitationRef } from "./policy-schema.js";
import { english, japanese, type LocalizedText } from "./localized-text.js";

/** The parts of a policy rule that every finding it produces repeats. */
export interface RuleText {
  title: LocalizedText;
  condition: LocalizedText;
  citation: CitationRef;
}

/**
 * A rule finding carrying what a reviewer needs to check it: the rule id,
 * severity, the metric values used, the field paths involved, the policy's
 * recommended condition and the citation of the rule's rationale. Title,
 * condition and message are English in the finding, with their Japanese
 * forms under `ja` when the policy and the rule give them (`{ en, ja }`): the
 * same numbers, built by the same rule, in both languages.
 *
 * @example
 * ruleFinding("LEN-TENOR", policy.rules["LEN-TENOR"], "medium", "Tenor 12 years is above 10.", { tenorYears: 12 })
 */
export function ruleFinding(
  ruleId: string,
  rule: RuleText,
  severity: Severity,
  message: LocalizedText,
  metrics: Record<string, number | null>,
  fields?: string[],
): ExpertFinding {
  const ja = japaneseForm(rule.title, message, rule.condition);
  return {
    ruleId,
    severity,
    title: english(rule.title),
    message: english(message),
    metrics,
    citations: [{ document: rule.citation.document, section: rule.citation.section }],
    condition: english(rule.condition),
    ...(fields && fields.length > 0 ? { fields } : {}),
    ...(ja ? { ja } : {}),
    source: "rule",
  };
}

/**
 * The Japanese form of a finding, when its message has one; a title or
 * condition the policy left English-only falls back to English.
 */
export function japaneseForm(
  title: LocalizedText,
  message: LocalizedText,
  condition?: LocalizedText,
): { title: string; message: string; condition?: string } | undefined {
  const jaMessage = japanese(message);
  if (jaMessage === undefined) return undefined;
  const jaCondition = condition === undefined ? undefined : (japanese(condition) ?? english(condition));
  return { title: japanese(title) ?? english(title), message: jaMessage, ...(jaCondition ? { condition: jaCondition } : {}) };
}
