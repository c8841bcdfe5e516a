import type { CitationRef, ExpertFinding, Severity } from "@kyocho/core";

/** What applying one rule yields: its finding (if it fires), the metrics it computed and any notes. */
export interface RuleOutcome {
  findings: ExpertFinding[];
  metrics: Record<string, number | null>;
  notes: string[];
}

/** Builds a DATA-GAP finding; the expert passes `ctx.dataGap`, tests pass a stub. */
export type DataGapFn = (fields: string[], message: string) => ExpertFinding;

/** The parts of a policy rule every finding repeats. */
export interface RuleMeta {
  title: string;
  condition: string;
  citation: CitationRef;
}

/**
 * A rule finding: the rule's title, condition and citation, with the
 * severity, message, metric values and field paths of this case.
 *
 * @example
 * ruleFinding("LEG-LAW", policy.rules["LEG-LAW"], "medium", "No governing law.", { governingLawApproved: 0 }, ["contract.governingLaw"]);
 */
export function ruleFinding(
  ruleId: string,
  rule: RuleMeta,
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

/**
 * An outcome with no finding: the rule was evaluated and passed (or did not apply).
 *
 * @example
 * passed({ governingLawApproved: 1 })
 */
export function passed(metrics: Record<string, number | null> = {}, notes: string[] = []): RuleOutcome {
  return { findings: [], metrics, notes };
}

/**
 * A list of names in prose: `A`, `A and B`, `A, B and C`.
 *
 * @example
 * listNames(["A", "B", "C"]) // "A, B and C"
 */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
