import type { SubTask } from "../plan/plan-schema.js";
import type { ExpertResult } from "./expert-result.js";

/**
 * The result of a sub-task that produced nothing: a `failed` expert (it
 * crashed, timed out, or its queue lost it) or a `skipped` one (a dependency
 * did not finish). It is still a value, so the merge can say what is missing.
 *
 * @example
 * unfinishedResult(task, "skipped", { code: "DEPENDENCY_NOT_MET", message: "depends on fx, which failed" })
 */
export function unfinishedResult(
  task: Pick<SubTask, "id" | "expert" | "role">,
  status: "failed" | "skipped",
  error: { code: string; message: string },
  domain: string = task.expert,
): ExpertResult {
  return {
    taskId: task.id,
    expert: task.expert,
    domain,
    role: task.role,
    status,
    findings: [],
    metrics: {},
    citations: [],
    notes: [],
    error,
  };
}
