import type { ExpertExecutor, ExpertRequest, ExpertResult, Plan, Planner, PlanningContext, PlanRequest } from "@kyocho/core";

/** When each part of one assessment ran, in ms since the timeline's start. */
export interface Timeline {
  start: number;
  planner?: { start: number; end: number };
  tasks: Map<string, { start: number; end: number; result: ExpertResult }>;
}

/** A fresh timeline; pass it to {@link recordPlanning} and {@link recordExecution} before the run. */
export function newTimeline(): Timeline {
  return { start: performance.now(), tasks: new Map() };
}

/**
 * Wraps a planner so that each plan's start and end land on the current
 * timeline (`current()`), without changing what it plans.
 *
 * @example
 * let timeline = newTimeline();
 * const planner = recordPlanning(new ModelPlanner({ model: models.forPlanner()! }), () => timeline);
 */
export function recordPlanning(inner: Planner, current: () => Timeline): Planner {
  return {
    kind: inner.kind,
    async plan(request: PlanRequest, context: PlanningContext): Promise<Plan> {
      const timeline = current();
      const start = performance.now() - timeline.start;
      try {
        return await inner.plan(request, context);
      } finally {
        timeline.planner = { start, end: performance.now() - timeline.start };
      }
    },
  };
}

/**
 * Wraps an executor so that each sub-task's start, end and result land on the
 * current timeline, without changing what it runs.
 *
 * @example
 * const executor = recordExecution(new InProcessExecutor(experts, { models }), () => timeline);
 */
export function recordExecution(inner: ExpertExecutor, current: () => Timeline): ExpertExecutor {
  return {
    kind: inner.kind,
    async execute(request: ExpertRequest, options?: { signal?: AbortSignal }): Promise<ExpertResult> {
      const timeline = current();
      const start = performance.now() - timeline.start;
      const result = await inner.execute(request, options);
      timeline.tasks.set(request.task.id, { start, end: performance.now() - timeline.start, result });
      return result;
    },
  };
}
