import { waitsForAnswer } from "@kyocho/core/plan";
import type { SubTask } from "@kyocho/core";

/**
 * What a sub-task waits for, one entry per dependency: the task id for a
 * dependency on facts (the default), and the id with `answerMark` for one on
 * the whole answer — so a reader sees which experts' models truly wait.
 *
 * @example
 * dependencyText({ dependsOn: ["fx", "legal"], awaitsAnswer: ["legal"] }, "its answer") // ["fx", "legal (its answer)"]
 */
export function dependencyText(task: Pick<SubTask, "dependsOn" | "awaitsAnswer">, answerMark: string): string[] {
  return task.dependsOn.map((id) => (waitsForAnswer(task, id) ? `${id} (${answerMark})` : id));
}
