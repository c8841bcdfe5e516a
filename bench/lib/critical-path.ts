import type { Plan } from "@kyocho/core";
import type { Timeline } from "./timeline.js";

/** The shortest time an assessment could take given how long its parts took. */
export interface CriticalPath {
  /** The planner's time when it is on the path (a model planning before anyone starts), else 0. */
  plannerMs: number;
  /** The slowest chain of sub-tasks whose models truly wait for each other, by their own durations. */
  chainMs: number;
  /** The task ids of that chain, first to last. */
  chain: string[];
  mergeMs: number;
  totalMs: number;
}

/**
 * The critical path of one assessment: the planner (when a model plans and
 * the experts wait for it: sequential planning) + the slowest chain of model
 * calls that truly depend on each other + merge. A dependency on facts costs
 * nothing here — facts are the dependency's calculators, microseconds — so
 * only `awaitsAnswer` links chain two sub-tasks. With speculative planning
 * the planner runs beside the experts: the path is the longer of the two.
 * Whatever wall time exceeds it is the orchestration's own: scheduling,
 * hand-offs, and waiting that no dependency required.
 *
 * @example
 * const path = criticalPath(assessment.plan, timeline, mergeMs, { plannerFirst: false });
 * const overhead = wallMs - path.totalMs;
 */
export function criticalPath(plan: Plan, timeline: Timeline, mergeMs: number, options: { plannerFirst: boolean }): CriticalPath {
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
    for (const dep of byId.get(id)?.awaitsAnswer ?? []) {
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
  if (options.plannerFirst) {
    return { plannerMs, chainMs: slowest.ms, chain: slowest.chain, mergeMs, totalMs: plannerMs + slowest.ms + mergeMs };
  }
  const longer = Math.max(plannerMs, slowest.ms);
  return { plannerMs: plannerMs > slowest.ms ? plannerMs : 0, chainMs: slowest.ms, chain: slowest.chain, mergeMs, totalMs: longer + mergeMs };
}
