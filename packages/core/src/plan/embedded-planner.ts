import { hasCaseData } from "../case/case-schema.js";
import type { Expert } from "../expert/expert-types.js";
import type { Plan, SubTask } from "./plan-schema.js";
import type { PlanRequest, Planner, PlanningContext } from "./planner.js";
import { keywordMatches } from "./keyword-match.js";
import { requiredExperts } from "./required-experts.js";

/**
 * The default planner, no model needed: the experts the case data calls for
 * (and the policy makes mandatory) are `required`; experts whose vocabulary
 * the question uses are added as `advisory`. With neither a case nor a
 * matching word, every expert is consulted as advisory rather than none —
 * a missed expert is the worst failure a router can make.
 *
 * @example
 * const plan = await new EmbeddedPlanner().plan({ question, case: c }, { experts, policy });
 */
export class EmbeddedPlanner implements Planner {
  readonly kind = "embedded";

  async plan(request: PlanRequest, context: PlanningContext): Promise<Plan> {
    return planEmbedded(request, context);
  }
}

/** The embedded planner as a plain function (synchronous). */
export function planEmbedded(request: PlanRequest, context: PlanningContext): Plan {
  const { experts, policy } = context;
  const c = request.case;
  const question = request.question ?? "";
  const required = requiredExperts(c, experts, policy);
  const asked = new Map<string, string[]>();
  for (const expert of experts) {
    const hits = expert.keywords.filter((k) => keywordMatches(question, k));
    if (hits.length > 0) asked.set(expert.name, hits);
  }

  let chosen = experts.filter((e) => required.has(e.name) || asked.has(e.name));
  const why: string[] = [];
  if (chosen.length === 0 && !hasCaseData(c)) {
    chosen = [...experts];
    why.push("nothing in the question or case pointed to an expert, so every expert is consulted");
  }

  const chosenNames = new Set(chosen.map((e) => e.name));
  const tasks: SubTask[] = chosen.map((expert) => ({
    id: expert.name,
    expert: expert.name,
    question: expert.subQuestion(question, c),
    dependsOn: expert.dependsOn(c).filter((dep) => chosenNames.has(dep) && dep !== expert.name),
    role: required.has(expert.name) ? "required" : "advisory",
  }));

  for (const expert of chosen) {
    if (required.has(expert.name)) why.push(`${expert.name}: required by the case data or policy`);
    else if (asked.has(expert.name)) why.push(`${expert.name}: the question mentions ${asked.get(expert.name)!.slice(0, 3).map((k) => `"${k}"`).join(", ")}`);
  }
  return { tasks: orderByDependencies(tasks), rationale: why.join("; "), planner: "embedded", warnings: [] };
}

/** Dependencies first, otherwise in the council's order: plans read top to bottom. */
function orderByDependencies(tasks: SubTask[]): SubTask[] {
  const out: SubTask[] = [];
  const placed = new Set<string>();
  let progress = true;
  while (out.length < tasks.length && progress) {
    progress = false;
    for (const task of tasks) {
      if (placed.has(task.id) || !task.dependsOn.every((d) => placed.has(d))) continue;
      out.push(task);
      placed.add(task.id);
      progress = true;
    }
  }
  return out.length === tasks.length ? out : tasks;
}

export type { Expert };
