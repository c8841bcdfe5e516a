import { PlanValidationError } from "../errors/kyocho-error.js";
import { parseWith } from "../validation/parse-with.js";
import { PlanSchema, type Plan } from "./plan-schema.js";

/**
 * Checks a plan before anything runs: the shape, unique task ids, experts the
 * council knows, dependencies that exist, and no cycles. Returns the parsed
 * plan; throws {@link PlanValidationError} naming the offending task.
 *
 * @example
 * validatePlan({ tasks: [{ id: "fx", expert: "fx", question: "…" }] }, ["fx", "lending"]);
 */
export function validatePlan(input: unknown, knownExperts: Iterable<string>): Plan {
  const plan = parseWith(PlanSchema, input, { source: "plan", pathPrefix: "plan" });
  const known = new Set(knownExperts);
  const index = new Map<string, number>();

  plan.tasks.forEach((task, i) => {
    if (index.has(task.id)) throw new PlanValidationError(`duplicate task id "${task.id}"`, `plan.tasks[${i}].id`);
    index.set(task.id, i);
    if (!known.has(task.expert)) {
      throw new PlanValidationError(`unknown expert "${task.expert}" (known: ${[...known].sort().join(", ")})`, `plan.tasks[${i}].expert`);
    }
  });
  plan.tasks.forEach((task, i) => {
    task.dependsOn.forEach((dep, j) => {
      if (!index.has(dep)) throw new PlanValidationError(`depends on unknown task "${dep}"`, `plan.tasks[${i}].dependsOn[${j}]`);
      if (dep === task.id) throw new PlanValidationError(`task depends on itself`, `plan.tasks[${i}].dependsOn[${j}]`);
    });
  });

  const cycle = findCycle(plan);
  if (cycle) {
    const first = index.get(cycle[0]!)!;
    throw new PlanValidationError(`dependency cycle ${cycle.join(" → ")}`, `plan.tasks[${first}].dependsOn`);
  }
  return plan;
}

/** A dependency cycle as a list of task ids (first id repeated at the end), or undefined. */
export function findCycle(plan: Pick<Plan, "tasks">): string[] | undefined {
  const deps = new Map(plan.tasks.map((t) => [t.id, t.dependsOn]));
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];

  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === "done") return undefined;
    if (state.get(id) === "visiting") return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, "visiting");
    stack.push(id);
    for (const dep of deps.get(id) ?? []) {
      const found = visit(dep);
      if (found) return found;
    }
    stack.pop();
    state.set(id, "done");
    return undefined;
  };
  for (const task of plan.tasks) {
    const found = visit(task.id);
    if (found) return found;
  }
  return undefined;
}
