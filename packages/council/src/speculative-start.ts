import { orderByDependencies } from "@kyocho/core/plan";
import type { Plan, SubTask } from "@kyocho/core";

/**
 * The sub-tasks that can start before a planner model answers: every task
 * the embedded plan marks `required` (the case data or the policy calls for
 * it, and no planner may remove it), with the tasks those depend on, on the
 * embedded planner's sub-questions. Each is marked `speculative`.
 *
 * @example
 * speculativeTasks(planEmbedded({ question, case: c }, { experts, policy })).map((t) => t.id) // ["fx", "lending", "legal"]
 */
export function speculativeTasks(embedded: Plan): SubTask[] {
  const byId = new Map(embedded.tasks.map((t) => [t.id, t]));
  const chosen = new Set<string>();
  const add = (id: string) => {
    if (chosen.has(id) || !byId.has(id)) return;
    chosen.add(id);
    for (const dep of byId.get(id)!.dependsOn) add(dep);
  };
  for (const task of embedded.tasks) if (task.role === "required") add(task.id);
  return embedded.tasks.filter((t) => chosen.has(t.id)).map((t) => ({ ...t, speculative: true as const }));
}

/**
 * The plan that runs once the planner has answered: the planner's plan, with
 * each expert that already started keeping the task it started with (its
 * sub-question, its dependencies, at least its role), since its facts and
 * model call are under way. A started task the planner left out stays (it
 * runs, and others may depend on it). The plan says which tasks started early.
 *
 * @example
 * withStartedTasks(modelPlan, started).tasks.filter((t) => t.speculative)
 */
export function withStartedTasks(plan: Plan, started: readonly SubTask[]): Plan {
  if (started.length === 0) return plan;
  const startedByExpert = new Map(started.map((t) => [t.expert, t]));
  // A planner may name its tasks otherwise; its dependants then point at the task that started in their place.
  const renamed = new Map(plan.tasks.flatMap((t) => (startedByExpert.has(t.expert) ? [[t.id, startedByExpert.get(t.expert)!.id] as const] : [])));
  const rename = (ids: readonly string[]) => [...new Set(ids.map((id) => renamed.get(id) ?? id))];
  const tasks: SubTask[] = [];
  const placed = new Set<string>();
  for (const task of plan.tasks) {
    const early = startedByExpert.get(task.expert);
    if (!early) {
      tasks.push(
        renamed.size === 0 ? task : { ...task, dependsOn: rename(task.dependsOn), ...(task.awaitsAnswer ? { awaitsAnswer: rename(task.awaitsAnswer) } : {}) },
      );
      continue;
    }
    if (placed.has(early.id)) continue;
    placed.add(early.id);
    tasks.push(task.role === "required" && early.role !== "required" ? { ...early, role: "required" } : early);
  }
  for (const early of started) if (!placed.has(early.id)) tasks.unshift(early);
  const differing = started.filter((s) => plan.tasks.some((t) => t.expert === s.expert && t.question.trim() !== s.question.trim()));
  const warnings = [
    ...plan.warnings,
    `started before the planner answered: ${started.map((t) => t.id).join(", ")}` +
      (differing.length > 0 ? ` (on the embedded sub-questions; the planner's own for ${differing.map((t) => t.expert).join(", ")} were not used)` : ""),
  ];
  return { ...plan, tasks: orderByDependencies(tasks), warnings };
}
