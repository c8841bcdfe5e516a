import type { Plan } from "@kyocho/core";
import type { Timeline } from "./timeline.js";

/** The shortest time an assessment could take given how long its parts took. */
export interface CriticalPath {
  plannerMs: number;
  /** The slowest chain of dependent sub-tasks, by their own durations. */
  chainMs: number;
  /** The task ids of that chain, first to last. */
  chain: string[];
  mergeMs: number;
  totalMs: number;
}

/**
 * The critical path of one assessment: planner + the slowest dependency
 * chain (each sub-task's own duration, summed along `dependsOn`) + merge.
 * Whatever wall time exceeds it is the orchestration's own: scheduling,
 * hand-offs, and waiting that a dependency did not require.
 *
 * @example
 * const path = criticalPath(assessment.plan, timeline, mergeMs);
 * const overhead = wallMs - path.totalMs;
 */
export function criticalPath(plan: Plan, timeline: Timeline, mergeMs: number): CriticalPath {
  const duration = (id: string) => {
    const span = timeline.tasks.get(id);
    return span ? span.end - span.start : 0;
  };
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const memo = new Map<string, { ms: number; chain: string[] }>();
  const longest = (id: string): { ms: number; chain: string[] } => {
    const known = memo.get(id);
    if (known) return known;
    let best = { ms: 0, chain: [] as string[] };
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      const candidate = longest(dep);
      if (candidate.ms > best.ms) best = candidate;
    }
    const result = { ms: best.ms + duration(id), chain: [...best.chain, id] };
    memo.set(id, result);
    return result;
  };
  let slowest = { ms: 0, chain: [] as string[] };
  for (const task of plan.tasks) {
    const candidate = longest(task.id);
    if (candidate.ms > slowest.ms) slowest = candidate;
  }
  const plannerMs = timeline.planner ? timeline.planner.end - timeline.planner.start : 0;
  return { plannerMs, chainMs: slowest.ms, chain: slowest.chain, mergeMs, totalMs: plannerMs + slowest.ms + mergeMs };
}
