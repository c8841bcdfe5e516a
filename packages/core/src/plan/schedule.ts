import type { ExpertResult } from "../assessment/expert-result.js";
import type { Plan, SubTask } from "./plan-schema.js";

/** What the council does next, given the plan and the results so far. */
export interface ScheduleStep {
  /** Tasks whose dependencies all finished `ok` and that have not run. */
  ready: SubTask[];
  /** Tasks that can never run because a dependency failed or was skipped, with the reason. */
  skipped: Array<{ task: SubTask; blockedBy: string[] }>;
  /** True when every task has a result (counting those in `skipped`). */
  done: boolean;
}

/**
 * Pure scheduling: which tasks are ready, which must be skipped, and whether
 * the plan is finished. Skips cascade: a task whose dependency is skipped in
 * this same step is skipped too.
 *
 * @example
 * nextStep(plan, {}) // { ready: [the tasks with no dependencies], skipped: [], done: false }
 */
export function nextStep(plan: Plan, results: Readonly<Record<string, Pick<ExpertResult, "status">>>): ScheduleStep {
  const status = new Map<string, string>(Object.entries(results).map(([id, r]) => [id, r.status]));
  const skipped: ScheduleStep["skipped"] = [];

  let changed = true;
  while (changed) {
    changed = false;
    for (const task of plan.tasks) {
      if (status.has(task.id)) continue;
      const blockedBy = task.dependsOn.filter((dep) => {
        const s = status.get(dep);
        return s === "failed" || s === "skipped";
      });
      if (blockedBy.length > 0) {
        status.set(task.id, "skipped");
        skipped.push({ task, blockedBy });
        changed = true;
      }
    }
  }

  const ready = plan.tasks.filter((task) => !status.has(task.id) && task.dependsOn.every((dep) => status.get(dep) === "ok"));
  const done = plan.tasks.every((task) => status.has(task.id));
  return { ready, skipped, done };
}
