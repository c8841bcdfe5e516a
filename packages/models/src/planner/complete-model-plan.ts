import type { Plan, SubTask } from "@kyocho/core";
import type { PlanRequest, PlanningContext } from "@kyocho/core";
import { taskDependencies } from "@kyocho/core/plan";
import { orderByDependencies, type EmbeddedRouting } from "@kyocho/core/plan";
import { ModelPlanError } from "./model-plan-error.js";
import type { ModelPlanOutput } from "./model-plan-output.js";
import { findCycle } from "@kyocho/core/plan";
import { validatePlan } from "@kyocho/core";

/**
 * Turns a model's answer into a plan the council can run, on the rule that
 * the model can add experts and improve sub-questions but never remove an
 * expert: unknown experts are dropped with a warning; every expert the
 * embedded routing found (the case data, the policy's mandatory experts,
 * the question's vocabulary, the sections it proposes) is put back with a
 * warning if the model left it out; the experts' declared dependencies are
 * added to the model's. Throws a {@link ModelPlanError} when no known expert
 * is left or the dependencies form a cycle, so the caller falls back.
 *
 * @example
 * completeModelPlan({ tasks: [{ expert: "fx", question: "…", dependsOn: [] }], rationale: "" }, request, context, routing)
 */
export function completeModelPlan(output: ModelPlanOutput, request: PlanRequest, context: PlanningContext, routing: EmbeddedRouting): Plan {
  const { experts } = context;
  const c = request.case;
  const question = (request.question ?? "").trim();
  const known = new Set(experts.map((e) => e.name));
  const warnings: string[] = [];
  const asked = new Map<string, { question: string; dependsOn: string[] }>();
  const idToExpert = new Map<string, string>();

  output.tasks.forEach((task, i) => {
    if (!known.has(task.expert)) {
      warnings.push(`the model named an unknown expert "${task.expert}" (tasks[${i}]); it was dropped`);
      return;
    }
    if (asked.has(task.expert)) {
      warnings.push(`the model listed ${task.expert} twice; its first sub-task is kept`);
      return;
    }
    asked.set(task.expert, { question: task.question.trim(), dependsOn: task.dependsOn });
    if (task.id) idToExpert.set(task.id, task.expert);
  });
  if (asked.size === 0) throw new ModelPlanError("no known expert", "the model's plan names no expert of the council");

  const added: string[] = [];
  for (const expert of experts) {
    const reason = floorReason(expert.name, routing);
    if (reason && !asked.has(expert.name)) {
      asked.set(expert.name, { question: "", dependsOn: [] });
      added.push(expert.name);
      warnings.push(`the model left out ${expert.name}, which ${reason}; it was added back`);
    }
  }

  const tasks: SubTask[] = experts
    .filter((e) => asked.has(e.name))
    .map((expert) => {
      const mine = asked.get(expert.name)!;
      const dependsOn = new Set<string>();
      for (const dep of mine.dependsOn) {
        const name = known.has(dep) ? dep : idToExpert.get(dep);
        if (name && asked.has(name)) dependsOn.add(name);
        else warnings.push(`${expert.name}'s dependency on "${dep}" names no task of the plan; it was dropped`);
      }
      // What the expert declares in code is kept whatever the model wrote, with the answer dependencies it names.
      const declared = taskDependencies(expert, c, (name) => (asked.has(name) ? name : undefined));
      for (const dep of declared.dependsOn) dependsOn.add(dep);
      return {
        id: expert.name,
        expert: expert.name,
        question: mine.question || expert.subQuestion(question, c),
        dependsOn: [...dependsOn],
        ...(declared.awaitsAnswer ? { awaitsAnswer: declared.awaitsAnswer } : {}),
        role: routing.required.has(expert.name) ? ("required" as const) : ("advisory" as const),
      };
    });

  const cycle = findCycle({ tasks });
  if (cycle) throw new ModelPlanError("cycle", `the model's plan has a dependency cycle ${cycle.join(" → ")}`);

  const rationale = [output.rationale.trim() ? `model: ${output.rationale.trim()}` : "", added.length > 0 ? `added back: ${added.join(", ")}` : ""]
    .filter(Boolean)
    .join(" · ");
  return validatePlan({ tasks: orderByDependencies(tasks), rationale, planner: "model", warnings }, known);
}

/** Why the embedded routing insists on an expert, or undefined when it does not. */
function floorReason(name: string, routing: EmbeddedRouting): string | undefined {
  const required = routing.required.get(name);
  if (required) return `is required (${required})`;
  if (routing.asked.has(name))
    return `the question's wording calls for (${[...routing.asked.get(name)!.keywords, ...routing.asked.get(name)!.descriptionTerms]
      .slice(0, 3)
      .map((k) => `"${k}"`)
      .join(", ")})`;
  const proposed = routing.proposed.get(name);
  if (proposed) return `the ${proposed.map((s) => s.section).join(" and ")} the question proposes calls for`;
  return undefined;
}
