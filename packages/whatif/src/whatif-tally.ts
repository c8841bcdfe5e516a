import { DECISIONS, RATINGS, type Decision, type Rating } from "@kyocho/core/assessment";
import { outcomeChanged, type ChangedCase, type CaseComparison } from "./case-comparison.js";

/** The policies compared, each named exactly. */
export interface WhatIfPolicies {
  before: { id: string; name: string; version?: string; sha256: string };
  after: { id: string; name: string; version?: string; sha256: string };
}

/**
 * The result of a what-if: counts that never grow with the input (the
 * decision and rating matrices, rule counts, exposure by decision), plus
 * the changed cases, of which at most `maxChangedKept` are kept in memory
 * (the rest go only to `onChanged`).
 */
export interface WhatIfSummary {
  policies: WhatIfPolicies;
  /** Cases assessed under both policies. */
  cases: number;
  /** Inputs that could not be assessed (a bad line, a case that fails validation), with the first few. */
  errors: number;
  errorSamples: Array<{ id: string | number; message: string }>;
  /** decisions[from][to]: how many cases went from one decision to the other (the diagonal did not move). */
  decisions: Record<Decision, Record<Decision, number>>;
  ratings: Record<Rating, Record<Rating, number>>;
  incomplete: { before: number; after: number; became: number; cleared: number };
  decisionChanged: number;
  ratingChanged: number;
  /** Cases whose rule findings changed (appeared, disappeared, moved severity), whether or not their decision did. */
  findingsChanged: number;
  /** Cases whose decision, rating or completeness changed: the changed-case list. */
  changedTotal: number;
  changed: ChangedCase[];
  /** Changed cases not kept in `changed` (over `maxChangedKept`); each went to `onChanged`. */
  changedOmitted: number;
  /** Per rule id: on how many cases it fires under each policy. */
  rules: Record<string, { before: number; after: number }>;
  /** Per base currency: the sum of facility amounts by decision, before and after. */
  exposure: Record<string, { before: Record<Decision, number>; after: Record<Decision, number> }>;
  /** Cases without a facility (no exposure to weigh), and facilities without a spot to convert them. */
  noFacility: number;
  unconverted: number;
}

const ERROR_SAMPLES = 20;

/** Folds case comparisons into a {@link WhatIfSummary}; memory stays constant apart from the kept changed cases. */
export class WhatIfTally {
  private readonly s: WhatIfSummary;

  constructor(
    policies: WhatIfPolicies,
    private readonly maxChangedKept: number,
  ) {
    this.s = {
      policies,
      cases: 0,
      errors: 0,
      errorSamples: [],
      decisions: square(DECISIONS),
      ratings: square(RATINGS),
      incomplete: { before: 0, after: 0, became: 0, cleared: 0 },
      decisionChanged: 0,
      ratingChanged: 0,
      findingsChanged: 0,
      changedTotal: 0,
      changed: [],
      changedOmitted: 0,
      rules: {},
      exposure: {},
      noFacility: 0,
      unconverted: 0,
    };
  }

  /** Counts one case; returns true when it is a changed case (the caller streams it). */
  add(c: CaseComparison | ChangedCase): boolean {
    const s = this.s;
    s.cases++;
    s.decisions[c.before.decision][c.after.decision]++;
    s.ratings[c.before.rating][c.after.rating]++;
    if (c.before.decision !== c.after.decision) s.decisionChanged++;
    if (c.before.rating !== c.after.rating) s.ratingChanged++;
    if (c.findingChanges.length > 0) s.findingsChanged++;
    if (c.before.incomplete) s.incomplete.before++;
    if (c.after.incomplete) s.incomplete.after++;
    if (!c.before.incomplete && c.after.incomplete) s.incomplete.became++;
    if (c.before.incomplete && !c.after.incomplete) s.incomplete.cleared++;
    for (const r of c.firedBefore) (s.rules[r] ??= { before: 0, after: 0 }).before++;
    for (const r of c.firedAfter) (s.rules[r] ??= { before: 0, after: 0 }).after++;
    if (c.exposure) {
      const e = (s.exposure[c.exposure.currency] ??= { before: zero(DECISIONS), after: zero(DECISIONS) });
      e.before[c.before.decision] += c.exposure.amount;
      e.after[c.after.decision] += c.exposure.amount;
    } else if (c.unconverted) s.unconverted++;
    else s.noFacility++;
    if (!outcomeChanged(c)) return false;
    s.changedTotal++;
    if (s.changed.length < this.maxChangedKept && "beforeAssessmentId" in c) s.changed.push(c);
    else s.changedOmitted++;
    return true;
  }

  /** Counts an input that could not be assessed. */
  addError(id: string | number, message: string): void {
    this.s.errors++;
    if (this.s.errorSamples.length < ERROR_SAMPLES) this.s.errorSamples.push({ id, message });
  }

  summary(): WhatIfSummary {
    return this.s;
  }
}

function zero<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}
function square<K extends string>(keys: readonly K[]): Record<K, Record<K, number>> {
  return Object.fromEntries(keys.map((k) => [k, zero(keys)])) as Record<K, Record<K, number>>;
}
