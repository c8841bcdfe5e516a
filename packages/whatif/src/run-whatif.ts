import type { Assessment, Case } from "@kyocho/core";
import { policyFingerprint, type Policy } from "@kyocho/core/policy";
import type { Council } from "@kyocho/council";
import { compareAssessments, outcomeChanged, type CaseComparison, type ChangedCase } from "./case-comparison.js";
import { orderedMap } from "./ordered-map.js";
import { WhatIfTally, type WhatIfPolicies, type WhatIfSummary } from "./whatif-tally.js";
import { WhatIfWorkerPool } from "./whatif-worker-pool.js";

/** One case to re-assess: a validated case and its question. */
export interface WhatIfCase {
  id: string | number;
  question: string;
  case: Case | undefined;
}
/** An input that could not become a case (bad line, case that fails validation): counted, not assessed. */
export interface WhatIfInputError {
  id: string | number;
  error: { code: string; message: string };
}
export type WhatIfInput = WhatIfCase | WhatIfInputError;

/** A changed case with both its assessments, handed to `onChanged` as it is found. */
export interface ChangedCaseWithAssessments {
  change: ChangedCase;
  before: Assessment;
  after: Assessment;
}

/** The result of one case: its comparison, and both assessments when its outcome changed. */
export interface PairResult {
  comparison: CaseComparison;
  before?: Assessment;
  after?: Assessment;
}

/** How many changed cases a summary keeps in memory by default; the rest go only to `onChanged`. */
export const DEFAULT_MAX_CHANGED_KEPT = 1000;

export interface RunWhatIfOptions {
  /** The council under the policy in force (the baseline). Built without models, store or checkpointer. */
  councilBase: Council;
  /** The same experts under the candidate policy. */
  councilCandidate: Council;
  /** The cases, streamed: nothing is read ahead beyond the cases in flight. */
  cases: AsyncIterable<WhatIfInput>;
  /**
   * Worker threads, each building both councils once from the two policies
   * and the reference experts. 0 or 1: everything runs in this thread.
   */
  workers?: number;
  /** Cases in flight at once (default 4 in this thread, 4 per worker). */
  concurrency?: number;
  /** Changed cases kept in the summary (default {@link DEFAULT_MAX_CHANGED_KEPT}). */
  maxChangedKept?: number;
  /** Each changed case with both assessments, in input order, as it is found: stream it to disk here. */
  onChanged?: (changed: ChangedCaseWithAssessments) => void | Promise<void>;
  /** Every case's comparison, changed or not, in input order (for a per-case listing; the summary keeps none of them). */
  onCompared?: (comparison: CaseComparison) => void;
  /** Called after each input with the number done so far. */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/**
 * Re-assesses every case under the baseline and the candidate policy, on the
 * embedded path (no models: the rules decide), and folds the pairs into a
 * {@link WhatIfSummary} as they come: memory holds the cases in flight, the
 * constant-size counts and at most `maxChangedKept` changed cases, whatever
 * the number of inputs. Results are folded in input order, so the summary is
 * the same with and without worker threads.
 *
 * @example
 * const summary = await runWhatIf({ councilBase, councilCandidate, cases: casesOf(dir) });
 * summary.decisions.approve.approve_with_conditions // 2
 */
export async function runWhatIf(options: RunWhatIfOptions): Promise<WhatIfSummary> {
  const { councilBase, councilCandidate } = options;
  const tally = new WhatIfTally(whatIfPolicies(councilBase.policy, councilCandidate.policy), options.maxChangedKept ?? DEFAULT_MAX_CHANGED_KEPT);
  const workers = options.workers ?? 0;
  const pool = workers > 1 ? new WhatIfWorkerPool(workers, councilBase.policy, councilCandidate.policy) : undefined;
  const window = (options.concurrency ?? 4) * Math.max(1, pool ? workers : 1);
  const assess = pool ? (item: WhatIfCase) => pool.run(item) : (item: WhatIfCase) => assessPair(councilBase, councilCandidate, item);
  let done = 0;
  try {
    const results = orderedMap(options.cases, window, async (input): Promise<PairResult | WhatIfInputError> => {
      if ("error" in input) return input;
      try {
        return await assess(input);
      } catch (error) {
        return { id: input.id, error: { code: "ASSESSMENT_FAILED", message: error instanceof Error ? error.message : String(error) } };
      }
    });
    for await (const result of results) {
      if (options.signal?.aborted) break;
      done++;
      if ("error" in result) tally.addError(result.id, result.error.message);
      else {
        const { comparison, before, after } = result;
        options.onCompared?.(comparison);
        const change: CaseComparison | ChangedCase =
          before && after ? { ...comparison, beforeAssessmentId: before.id, afterAssessmentId: after.id } : comparison;
        if (tally.add(change) && before && after && options.onChanged) await options.onChanged({ change: change as ChangedCase, before, after });
      }
      options.onProgress?.(done);
    }
  } finally {
    await pool?.close();
  }
  return tally.summary();
}

/** Assesses one case under both councils and compares them; the assessments travel only when the outcome changed. */
export async function assessPair(
  base: Pick<Council, "assess" | "policy">,
  candidate: Pick<Council, "assess" | "policy">,
  item: WhatIfCase,
): Promise<PairResult> {
  const input = { question: item.question, case: item.case };
  const before = await base.assess(input);
  const after = await candidate.assess(input);
  const comparison = compareAssessments(item.id, item.case, before, after, candidate.policy);
  return outcomeChanged(comparison) ? { comparison, before, after } : { comparison };
}

/** The two policies as the report names them. */
export function whatIfPolicies(before: Policy, after: Policy): WhatIfPolicies {
  const name = (p: Policy): WhatIfPolicies["before"] => {
    const { id, version, sha256 } = policyFingerprint(p);
    return { id, name: p.name, ...(version !== undefined ? { version } : {}), sha256 };
  };
  return { before: name(before), after: name(after) };
}
