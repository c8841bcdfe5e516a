/** What a router was expected to choose for one line, and what it chose. */
export interface RoutingOutcome {
  id: string;
  line?: number;
  question: string;
  expected: readonly string[];
  routed: readonly string[];
}

/** Pair counts: true positives, false positives (extra experts), false negatives (missed experts). */
export interface PairCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** A line the router got wrong: the experts it missed and the ones it added. */
export interface RoutingMiss {
  id: string;
  line?: number;
  question: string;
  missed: string[];
  extra: string[];
}

/** Precision and recall of a router over a set, micro-averaged over (line, expert) pairs. */
export interface RoutingScore extends PairCounts {
  lines: number;
  precision: number;
  recall: number;
  /** The same figures per expert, so a weak expert vocabulary stands out. */
  byExpert: Record<string, PairCounts & { precision: number; recall: number }>;
  /** Every line with a missed or an extra expert, in set order. */
  misses: RoutingMiss[];
}

/**
 * Scores routing decisions, micro-averaged over (line, expert) pairs:
 *
 * - a true positive is an expert that is both expected and routed for a line,
 * - precision = Σ true positives / Σ routed experts over all lines,
 * - recall    = Σ true positives / Σ expected experts over all lines.
 *
 * A ratio whose denominator is zero is 1 (nothing routed: nothing wrongly
 * routed). Every pair weighs the same, so a line expecting three experts
 * counts three times as much as a line expecting one.
 *
 * @example
 * scoreRouting([{ id: "a", question: "…", expected: ["fx", "lending"], routed: ["fx"] }])
 * // { precision: 1, recall: 0.5, misses: [{ id: "a", missed: ["lending"], extra: [] , … }], … }
 */
export function scoreRouting(outcomes: readonly RoutingOutcome[]): RoutingScore {
  const total: PairCounts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const perExpert = new Map<string, PairCounts>();
  const countFor = (expert: string) => {
    let counts = perExpert.get(expert);
    if (!counts) perExpert.set(expert, (counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 }));
    return counts;
  };
  const misses: RoutingMiss[] = [];

  for (const outcome of outcomes) {
    const expected = new Set(outcome.expected);
    const routed = new Set(outcome.routed);
    const missed = [...expected].filter((e) => !routed.has(e));
    const extra = [...routed].filter((e) => !expected.has(e));
    for (const expert of expected) if (routed.has(expert)) countFor(expert).truePositives++;
    for (const expert of missed) countFor(expert).falseNegatives++;
    for (const expert of extra) countFor(expert).falsePositives++;
    total.truePositives += expected.size - missed.length;
    total.falseNegatives += missed.length;
    total.falsePositives += extra.length;
    if (missed.length > 0 || extra.length > 0) {
      misses.push({ id: outcome.id, ...(outcome.line !== undefined ? { line: outcome.line } : {}), question: outcome.question, missed, extra });
    }
  }

  const byExpert: RoutingScore["byExpert"] = {};
  for (const [expert, counts] of [...perExpert].sort(([a], [b]) => a.localeCompare(b))) {
    byExpert[expert] = { ...counts, ...ratios(counts) };
  }
  return { lines: outcomes.length, ...total, ...ratios(total), byExpert, misses };
}

function ratios(c: PairCounts): { precision: number; recall: number } {
  const routed = c.truePositives + c.falsePositives;
  const expected = c.truePositives + c.falseNegatives;
  return {
    precision: routed === 0 ? 1 : c.truePositives / routed,
    recall: expected === 0 ? 1 : c.truePositives / expected,
  };
}
