import { requiredExperts, taskDependencies } from "@kyocho/core/plan";
import type { Case, Expert, Plan, Policy } from "@kyocho/core";

/**
 * Puts back any expert the case data or the policy requires that a plan left
 * out (a hand-written plan, a model planner), and marks present ones
 * `required`. Whoever planned, nobody can drop the sanctions check.
 *
 * @example
 * ensureRequiredExperts(plan, c, experts, policy).warnings // ["legal was required by the case and added"]
 */
export function ensureRequiredExperts(plan: Plan, c: Case | undefined, experts: ReadonlyArray<Expert<any>>, policy: Policy): Plan {
  const required = requiredExperts(c, experts, policy);
  const present = new Set(plan.tasks.map((t) => t.expert));
  const warnings = [...plan.warnings];
  const tasks = plan.tasks.map((t) => (required.has(t.expert) && t.role !== "required" ? { ...t, role: "required" as const } : t));
  const ids = new Set(tasks.map((t) => t.id));
  for (const expert of experts) {
    if (!required.has(expert.name) || present.has(expert.name)) continue;
    let id = expert.name;
    for (let n = 2; ids.has(id); n++) id = `${expert.name}-${n}`;
    ids.add(id);
    const byExpert = new Map(tasks.map((t) => [t.expert, t.id]));
    tasks.push({
      id,
      expert: expert.name,
      question: expert.subQuestion(plan.tasks[0]?.question ?? "", c),
      ...taskDependencies(expert, c, (name) => byExpert.get(name)),
      role: "required",
    });
    warnings.push(`${expert.name} is required by the case data or policy and was added to the plan`);
  }
  return { ...plan, tasks, warnings };
}
