import type { ExpertFinding } from "@kyocho/core/expert";
import type { LocalizedText } from "@kyocho/core";

/** A field a rule needed and did not find, before it becomes a DATA-GAP finding. */
export interface RuleGap {
  fields: string[];
  /** `{ en, ja }`: the same facts in both languages. */
  message: LocalizedText;
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
