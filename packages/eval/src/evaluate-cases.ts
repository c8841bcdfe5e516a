import type { Assessment } from "@kyocho/core";
import type { EvalCase } from "./case-set.js";
import { scoreCases, type CaseOutcome, type CaseScore } from "./case-score.js";

/** A case evaluation: the score, and what each case gave. */
export interface CaseEvaluation extends CaseScore {
  outcomes: Array<{
    name: string;
    decision: string | null;
    expectedDecision: string;
    rating: string | null;
    expectedRating: string;
    latencyMs: number;
    error?: string;
  }>;
}

export interface EvaluateCasesOptions {
  /** Assess the first case once before timing, so start-up costs (module loading, a model's first connection) are not counted. Default true. */
  warmUp?: boolean;
  /** Milliseconds since some origin; default `performance.now`. */
  clock?: () => number;
  /** Called after each case, e.g. for progress. */
  onCase?: (outcome: CaseOutcome) => void;
}

/**
 * Assesses every case that has an expected result, one at a time (so each
 * response time is the case's own), and scores the results: per-rule
 * precision and recall, decision and rating accuracy, mean and p95 response
 * time. A case whose assessment throws counts as wrong and the run goes on.
 *
 * @example
 * const evaluation = await evaluateCases(loadCaseSet("examples/cases", { parseCase }), (c) =>
 *   council.assess({ question: c.question, case: c.case }),
 * );
 * evaluation.decisionAccuracy // 1
 */
export async function evaluateCases(
  cases: readonly EvalCase[],
  assess: (c: EvalCase) => Promise<Assessment>,
  options: EvaluateCasesOptions = {},
): Promise<CaseEvaluation> {
  const clock = options.clock ?? (() => performance.now());
  const scored = cases.filter((c): c is EvalCase & { expected: NonNullable<EvalCase["expected"]> } => c.expected !== undefined);
  if ((options.warmUp ?? true) && scored[0]) await assess(scored[0]).catch(() => undefined);
  const outcomes: CaseOutcome[] = [];
  for (const c of scored) {
    const started = clock();
    let outcome: CaseOutcome;
    try {
      const a = await assess(c);
      outcome = {
        name: c.name,
        expected: c.expected,
        actual: { rating: a.rating, decision: a.decision, incomplete: a.incomplete, findings: a.findings },
        latencyMs: clock() - started,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      outcome = { name: c.name, expected: c.expected, error: message, latencyMs: clock() - started };
    }
    outcomes.push(outcome);
    options.onCase?.(outcome);
  }
  return {
    ...scoreCases(outcomes),
    outcomes: outcomes.map((o) => ({
      name: o.name,
      decision: o.actual?.decision ?? null,
      expectedDecision: o.expected.decision,
      rating: o.actual?.rating ?? null,
      expectedRating: o.expected.rating,
      latencyMs: Math.round(o.latencyMs * 100) / 100,
      ...(o.error ? { error: o.error } : {}),
    })),
  };
}
