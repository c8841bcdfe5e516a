import type { ExpertFinding } from "@kyocho/core/expert";
import type { LocalizedText } from "@kyocho/core";

/** What applying one rule yields: its finding (if it fires), the metrics it computed and any notes. */
export interface RuleOutcome {
  findings: ExpertFinding[];
  metrics: Record<string, number | null>;
  notes: string[];
}

/** Builds a DATA-GAP finding; the expert passes `ctx.dataGap`, tests pass a stub. */
export type DataGapFn = (fields: string[], message: LocalizedText) => ExpertFinding;

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

/**
 * A list of names in a Japanese message: `A`, `A、B`, `A、B、C` — the
 * same names, in the same order, as {@link listNames}.
 *
 * @example
 * listNamesJa(["A", "B", "C"]) // "A、B、C"
 */
export function listNamesJa(names: readonly string[]): string {
  return names.join("、");
}
