import type { Case } from "../case/case-schema.js";
import type { Expert } from "../expert/expert-types.js";
import type { SubTask } from "./plan-schema.js";

/**
 * The dependencies an expert declares for this case, as a sub-task writes
 * them: the task ids of the experts it needs that are in the plan
 * (`taskIdOf` gives `undefined` for an expert that is not), and which of
 * those it needs the answer of rather than the facts.
 *
 * @example
 * taskDependencies(lending, c, (name) => (planned.has(name) ? name : undefined)) // { dependsOn: ["fx"] }
 */
export function taskDependencies(
  expert: Expert<any>,
  c: Case | undefined,
  taskIdOf: (expertName: string) => string | undefined,
): Pick<SubTask, "dependsOn" | "awaitsAnswer"> {
  const answers = new Set(expert.awaitsAnswerOf?.(c) ?? []);
  const dependsOn: string[] = [];
  const awaitsAnswer: string[] = [];
  for (const name of expert.dependsOn(c)) {
    const id = name === expert.name ? undefined : taskIdOf(name);
    if (id === undefined || dependsOn.includes(id)) continue;
    dependsOn.push(id);
    if (answers.has(name)) awaitsAnswer.push(id);
  }
  return awaitsAnswer.length > 0 ? { dependsOn, awaitsAnswer } : { dependsOn };
}
