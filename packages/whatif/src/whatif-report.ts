import { DECISIONS, RATINGS, type Decision } from "@kyocho/core/assessment";
import type { ChangedCase, FindingChange } from "./case-comparison.js";
import type { PolicyChange } from "./policy-diff.js";
import type { WhatIfSummary } from "./whatif-tally.js";

/** What every what-if report shows: the policy changes and the re-assessment of the cases. */
export interface WhatIfReport {
  changes: PolicyChange[];
  summary: WhatIfSummary;
  /** The cases' source, in words (`examples/cases (34 files)`). */
  source: string;
  generatedAt: string;
  /** For the HTML report: the relative link of a changed case's assessment (`before`/`after`), if written. */
  link?: (change: ChangedCase, side: "before" | "after") => string | undefined;
}

/** Said in every report: the what-if is the rules only. */
export const EMBEDDED_NOTE =
  "Re-assessed on the embedded path: no model was consulted, the policy's rules decide. With models an assessment can only add findings to these (capped below critical), never remove one.";

export const DECISION_WORDS: Record<Decision, string> = {
  approve: "approve",
  approve_with_conditions: "approve with conditions",
  escalate: "escalate",
  decline: "decline",
};

export function policyTitle(p: { name: string; version?: string; sha256: string }): string {
  return `${p.name}${p.version ? ` v${p.version}` : ""} (SHA-256 ${p.sha256.slice(0, 12)}…)`;
}

/** One line per finding change: `LEN-LEV appeared (medium): LEN-LEV 2.33 now above 2 → medium`. */
export function findingChangeText(f: FindingChange): string {
  const what =
    f.kind === "appeared"
      ? `${f.ruleId} appeared (${f.to})`
      : f.kind === "disappeared"
        ? `${f.ruleId} disappeared (was ${f.from})`
        : `${f.ruleId} ${f.from} → ${f.to}`;
  return f.because ? `${what}: ${f.because}` : what;
}

/** Rules whose count of cases changed, then the others, each by name. */
export function ruleRows(s: WhatIfSummary): Array<[ruleId: string, before: number, after: number]> {
  return Object.entries(s.rules)
    .map(([r, n]) => [r, n.before, n.after] as [string, number, number])
    .sort((a, b) => Number(a[1] === a[2]) - Number(b[1] === b[2]) || a[0].localeCompare(b[0]));
}

/** Decisions and ratings that occur at all, in their order (a matrix of empty rows says nothing). */
export function usedDecisions(s: WhatIfSummary): Decision[] {
  return DECISIONS.filter((d) => DECISIONS.some((o) => s.decisions[d][o] > 0 || s.decisions[o][d] > 0));
}
export function usedRatings(s: WhatIfSummary): (typeof RATINGS)[number][] {
  return RATINGS.filter((d) => RATINGS.some((o) => s.ratings[d][o] > 0 || s.ratings[o][d] > 0));
}

/** The rating moves off the diagonal, worst-first: `low → medium: 2`. */
export function ratingMoves(s: WhatIfSummary): string[] {
  return RATINGS.flatMap((from) => RATINGS.filter((to) => to !== from && s.ratings[from][to] > 0).map((to) => `${from} → ${to}: ${s.ratings[from][to]}`));
}

export function formatAmount(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}
