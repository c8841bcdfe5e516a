import type { Decision } from "@kyocho/core";
import type { Rating, Severity } from "@kyocho/core";
import type { ExpectedResult } from "./expected-result.js";
import { summariseLatency, type LatencySummary } from "./latency-summary.js";

/** What a run of one case gave, next to what was expected. */
export interface CaseOutcome {
  name: string;
  expected: ExpectedResult;
  /** Absent when the run threw (then `error` says why, and the case counts as wrong). */
  actual?: {
    rating: Rating;
    decision: Decision;
    incomplete: boolean;
    findings: ReadonlyArray<{ ruleId: string; expert: string; severity: Severity }>;
  };
  error?: string;
  /** Wall time of the whole assessment (plan, experts, merge). */
  latencyMs: number;
}

/** True positives, false positives (reported, not expected) and false negatives (expected, not reported). */
export interface FindingCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Precision and recall of one rule id; `null` where the denominator is zero (nothing reported, or nothing expected). */
export interface RuleScore extends FindingCounts {
  ruleId: string;
  precision: number | null;
  recall: number | null;
}

/** A case whose decision, rating or findings differ from the expected ones. */
export interface CaseMismatch {
  name: string;
  decision?: { expected: Decision; actual: Decision };
  rating?: { expected: Rating; actual: Rating };
  incomplete?: { expected: boolean; actual: boolean };
  /** Expected findings not reported, as `RULE expert severity`. */
  missed: string[];
  /** Reported findings not expected. */
  extra: string[];
  error?: string;
}

/** How a configuration did on a case set. */
export interface CaseScore {
  cases: number;
  correctDecisions: number;
  decisionAccuracy: number;
  correctRatings: number;
  ratingAccuracy: number;
  correctIncomplete: number;
  findings: FindingCounts & { precision: number | null; recall: number | null };
  /** Per rule id, in id order. */
  byRule: RuleScore[];
  latency: LatencySummary;
  mismatches: CaseMismatch[];
}

const keyOf = (f: { ruleId: string; expert: string; severity: string }) => `${f.ruleId} ${f.expert} ${f.severity}`;

/**
 * Scores case outcomes against their expected results.
 *
 * - A finding counts as a true positive only when rule id, expert and
 *   severity all match an expected one (as a multiset); the right rule at
 *   the wrong severity is one false positive and one false negative.
 * - Precision = true positives / reported findings, recall = true positives
 *   / expected findings, per rule id and micro-averaged over all of them.
 * - Decision and rating accuracy are the shares of cases that got exactly
 *   the expected decision and rating; a run that threw got neither.
 *
 * @example
 * const score = scoreCases(outcomes);
 * score.decisionAccuracy // 1
 * score.byRule.find((r) => r.ruleId === "LEN-LEV") // { precision: 1, recall: 1, … }
 */
export function scoreCases(outcomes: readonly CaseOutcome[]): CaseScore {
  const perRule = new Map<string, FindingCounts>();
  const countsFor = (ruleId: string) => {
    let c = perRule.get(ruleId);
    if (!c) perRule.set(ruleId, (c = { truePositives: 0, falsePositives: 0, falseNegatives: 0 }));
    return c;
  };
  const total: FindingCounts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const mismatches: CaseMismatch[] = [];
  let correctDecisions = 0;
  let correctRatings = 0;
  let correctIncomplete = 0;

  for (const outcome of outcomes) {
    const { expected, actual } = outcome;
    const reported = new Map<string, { ruleId: string; n: number }>();
    for (const f of actual?.findings ?? []) {
      const k = keyOf(f);
      reported.set(k, { ruleId: f.ruleId, n: (reported.get(k)?.n ?? 0) + 1 });
    }
    const wanted = new Map<string, { ruleId: string; n: number }>();
    for (const f of expected.findings) {
      const k = keyOf(f);
      wanted.set(k, { ruleId: f.ruleId, n: (wanted.get(k)?.n ?? 0) + 1 });
    }
    const missed: string[] = [];
    const extra: string[] = [];
    for (const k of new Set([...reported.keys(), ...wanted.keys()])) {
      const r = reported.get(k)?.n ?? 0;
      const w = wanted.get(k)?.n ?? 0;
      const ruleId = (reported.get(k) ?? wanted.get(k))!.ruleId;
      const tp = Math.min(r, w);
      const counts = countsFor(ruleId);
      counts.truePositives += tp;
      counts.falsePositives += r - tp;
      counts.falseNegatives += w - tp;
      total.truePositives += tp;
      total.falsePositives += r - tp;
      total.falseNegatives += w - tp;
      for (let i = tp; i < w; i++) missed.push(k);
      for (let i = tp; i < r; i++) extra.push(k);
    }

    const decisionOk = actual?.decision === expected.decision;
    const ratingOk = actual?.rating === expected.rating;
    const incompleteOk = actual?.incomplete === expected.incomplete;
    if (decisionOk) correctDecisions++;
    if (ratingOk) correctRatings++;
    if (incompleteOk) correctIncomplete++;
    if (!decisionOk || !ratingOk || !incompleteOk || missed.length > 0 || extra.length > 0 || outcome.error) {
      mismatches.push({
        name: outcome.name,
        ...(actual && !decisionOk ? { decision: { expected: expected.decision, actual: actual.decision } } : {}),
        ...(actual && !ratingOk ? { rating: { expected: expected.rating, actual: actual.rating } } : {}),
        ...(actual && !incompleteOk ? { incomplete: { expected: expected.incomplete, actual: actual.incomplete } } : {}),
        missed: missed.sort(),
        extra: extra.sort(),
        ...(outcome.error ? { error: outcome.error } : {}),
      });
    }
  }

  const cases = outcomes.length;
  const share = (n: number) => (cases === 0 ? 0 : n / cases);
  return {
    cases,
    correctDecisions,
    decisionAccuracy: share(correctDecisions),
    correctRatings,
    ratingAccuracy: share(correctRatings),
    correctIncomplete,
    findings: { ...total, ...ratios(total) },
    byRule: [...perRule].sort(([a], [b]) => a.localeCompare(b)).map(([ruleId, c]) => ({ ruleId, ...c, ...ratios(c) })),
    latency: summariseLatency(outcomes.map((o) => o.latencyMs)),
    mismatches,
  };
}

function ratios(c: FindingCounts): { precision: number | null; recall: number | null } {
  const reported = c.truePositives + c.falsePositives;
  const expected = c.truePositives + c.falseNegatives;
  return {
    precision: reported === 0 ? null : c.truePositives / reported,
    recall: expected === 0 ? null : c.truePositives / expected,
  };
}
