import { isApproval } from "@kyocho/core/assessment";
import type { Decision } from "@kyocho/core";

/** How each decision may be written, in English and Japanese (the raw token always counts). */
const STATED: Readonly<Record<Decision, RegExp>> = {
  approve: /\bapprov(?:e|ed|al|es)\b|承認|可決/i,
  approve_with_conditions: /approve_with_conditions|\bconditions?\b|\bconditional(?:ly)?\b|条件/i,
  escalate: /\bescalat(?:e|ed|es|ion|ing)\b|エスカレ|上申|上位(?:者|の)?(?:判断|決裁)/i,
  decline: /\bdeclin(?:e|ed|es|ing)\b|\breject(?:ed|ion|s)?\b|謝絶|否決|見送/i,
};

const APPROVAL_EN = /\bapprov(?:e|ed|al|es|ing)\b/gi;
const APPROVAL_JA = /承認|可決/g;
/** Words before "approve…" that make it no claim: "cannot be approved", "not approved", "sent for approval". */
const NEGATED_BEFORE_EN =
  /\b(?:not|no|cannot|can't|never|without|until|before|unless|pending|prior to|nor|neither|further|require[sd]?|need(?:s|ed)?|for|seek(?:s|ing)?|awaiting|subject to)\b[^.;:!?]*$/i;
const NEGATED_AFTER_EN = /^(?:al)?\s*(?:is|was|would be)?\s*(?:pending|withheld|refused|not)\b/i;
/** What follows 承認 / 可決 when it is no claim: できない, されず, 不可, 前, 待ち …; or 未/非 before it. */
const NEGATED_AFTER_JA = /^(?:は|を|が|の|に)?(?:でき(?:な|ず|ませ)|しな|しませ|されな|されず|不可|前|待ち|見送|保留|得(?:る|られ)(?:には|まで|ていな))/;

/**
 * Checks that an executive summary states the assessment's decision and does
 * not claim a different one: it must name the decision (in English, in
 * Japanese, or as the raw token), and when the decision is not an approval it
 * must not call the deal approved ("approved", "we approve", 承認します) —
 * negated mentions ("cannot be approved until…", 承認できない) are allowed.
 * A summary that fails is sent back once, then dropped: it is what a credit
 * committee reads first, and a model told by a case to "say it is approved"
 * must not be able to.
 *
 * @example
 * decisionViolations("Approved: low risk.", "escalate") // ["it does not state the decision escalate", "it calls the deal approved, but the decision is escalate"]
 * decisionViolations("Escalate: KYC on the target is pending, so it cannot be approved yet.", "escalate") // []
 */
export function decisionViolations(text: string, decision: Decision): string[] {
  const violations: string[] = [];
  if (!STATED[decision].test(text) && !text.toLowerCase().includes(decision)) violations.push(`it does not state the decision ${decision}`);
  if (!isApproval(decision) && claimsApproval(text)) violations.push(`it calls the deal approved, but the decision is ${decision}`);
  return violations;
}

function claimsApproval(text: string): boolean {
  for (const match of text.matchAll(APPROVAL_EN)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 20);
    if (!NEGATED_BEFORE_EN.test(before) && !NEGATED_AFTER_EN.test(after)) return true;
  }
  for (const match of text.matchAll(APPROVAL_JA)) {
    const before = text.slice(Math.max(0, match.index - 1), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 12);
    if (!/[未非不]/.test(before) && !NEGATED_AFTER_JA.test(after)) return true;
  }
  return false;
}
