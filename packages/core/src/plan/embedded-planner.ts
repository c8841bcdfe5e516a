import type { Expert } from "../expert/expert-types.js";
import type { Plan, SubTask } from "./plan-schema.js";
import type { PlanRequest, Planner, PlanningContext } from "./planner.js";
import { buildVocabularies, matchVocabulary, type ExpertVocabulary, type VocabularyHits } from "./expert-vocabulary.js";
import { prepareMatchText } from "./match-text.js";
import { proposedSections, SECTION_SIGNALS, withProposedSections, type ProposedSection, type SectionSignal } from "./proposed-sections.js";
import { requiredExpertReasons } from "./required-experts.js";
import { taskDependencies } from "./task-dependencies.js";

/** Options of {@link EmbeddedPlanner}. */
export interface EmbeddedPlannerOptions {
  /** What counts as a question proposing a case section (default {@link SECTION_SIGNALS}). */
  sectionSignals?: readonly SectionSignal[];
}

/** Why the embedded planner consults each expert it consults. */
export interface EmbeddedRouting {
  /** Experts the case calls for (its data, or a mandatory-expert rule), with the reason. */
  required: Map<string, string>;
  /** Experts whose vocabulary the question uses, with the words. */
  asked: Map<string, VocabularyHits>;
  /** Experts a section the question proposes would call for (not already required), with those sections. */
  proposed: Map<string, ProposedSection[]>;
  /** The sections the question proposes, with the words that proposed them. */
  sections: ProposedSection[];
  /** True when nothing pointed to any expert and every expert is consulted for safety. */
  consultedEveryone: boolean;
  /** The experts consulted, in the council's order. */
  chosen: Array<Expert<any>>;
}

/**
 * The default planner, no model needed. It combines what the case contains
 * with what the question asks:
 *
 * 1. `required`: the experts whose data the case holds, and those the
 *    policy makes mandatory for a section the case holds;
 * 2. `advisory`: the experts whose vocabulary (keywords, and the words that
 *    set their description apart) the question uses, in English or Japanese;
 * 3. `advisory`: the experts a section the question proposes would call
 *    for, by the experts' own `isRequired` and the policy's mandatory
 *    experts ("can we lend them ¥3bn?" proposes a facility, so lending and
 *    legal are consulted as for any facility).
 *
 * Wording only ever adds experts: "skip the compliance check" removes
 * nobody. With nothing to go on, every expert is consulted as advisory
 * rather than none — a missed expert is the worst failure a router can make.
 *
 * @example
 * const plan = await new EmbeddedPlanner().plan({ question, case: c }, { experts, policy });
 */
export class EmbeddedPlanner implements Planner {
  readonly kind = "embedded";

  constructor(private readonly options: EmbeddedPlannerOptions = {}) {}

  async plan(request: PlanRequest, context: PlanningContext): Promise<Plan> {
    return planEmbedded(request, context, this.options);
  }
}

const vocabularyCache = new WeakMap<ReadonlyArray<Expert<any>>, ExpertVocabulary[]>();

/**
 * Decides which experts to consult and why, without writing the plan.
 *
 * @example
 * routeEmbedded({ question: "Can we lend them ¥3bn?" }, { experts, policy }).proposed.keys() // "lending", "legal"
 */
export function routeEmbedded(request: PlanRequest, context: PlanningContext, options: EmbeddedPlannerOptions = {}): EmbeddedRouting {
  const { experts, policy } = context;
  const c = request.case;
  const question = (request.question ?? "").trim();
  const required = requiredExpertReasons(c, experts, policy);

  let vocabularies = vocabularyCache.get(experts);
  if (!vocabularies) vocabularyCache.set(experts, (vocabularies = buildVocabularies(experts)));
  const text = prepareMatchText(question);
  const asked = new Map<string, VocabularyHits>();
  for (const vocabulary of vocabularies) {
    const hits = matchVocabulary(text, vocabulary);
    if (hits.score >= 1) asked.set(vocabulary.expert, hits);
  }

  const sections = proposedSections(question, options.sectionSignals ?? SECTION_SIGNALS);
  const proposed = new Map<string, ProposedSection[]>();
  for (const section of sections) {
    for (const name of requiredExpertReasons(withProposedSections(c, [section]), experts, policy).keys()) {
      if (!required.has(name)) proposed.set(name, [...(proposed.get(name) ?? []), section]);
    }
  }

  const chosen = experts.filter((e) => required.has(e.name) || asked.has(e.name) || proposed.has(e.name));
  const consultedEveryone = chosen.length === 0;
  return { required, asked, proposed, sections, consultedEveryone, chosen: consultedEveryone ? [...experts] : chosen };
}

/**
 * The embedded planner as a plain function (synchronous).
 *
 * @example
 * planEmbedded({ question: "円安は返済に響く？" }, { experts, policy }).tasks.map((t) => t.expert) // ["lending", "fx"]
 */
export function planEmbedded(request: PlanRequest, context: PlanningContext, options: EmbeddedPlannerOptions = {}): Plan {
  const routing = routeEmbedded(request, context, options);
  const c = request.case;
  const question = (request.question ?? "").trim();
  const chosenNames = new Set(routing.chosen.map((e) => e.name));
  const tasks: SubTask[] = routing.chosen.map((expert) => ({
    id: expert.name,
    expert: expert.name,
    question: expert.subQuestion(question, c),
    ...taskDependencies(expert, c, (name) => (chosenNames.has(name) ? name : undefined)),
    role: routing.required.has(expert.name) ? "required" : "advisory",
  }));
  return { tasks: orderByDependencies(tasks), rationale: explainRouting(routing), planner: "embedded", warnings: [] };
}

/**
 * The rationale of an embedded routing: one clause per expert consulted.
 *
 * @example
 * explainRouting(routeEmbedded({ question: "円安は返済に響く？" }, { experts, policy }))
 * // 'lending: the question says "返済" · fx: the question says "円安"'
 */
export function explainRouting(routing: EmbeddedRouting): string {
  if (routing.consultedEveryone) return "nothing in the question or the case pointed to an expert, so every expert is consulted";
  const why: string[] = [];
  for (const expert of routing.chosen) {
    const reasons: string[] = [];
    const need = routing.required.get(expert.name);
    if (need) reasons.push(`required: ${need}`);
    const hits = routing.asked.get(expert.name);
    if (hits) reasons.push(`the question says ${quoteSome([...hits.keywords, ...hits.descriptionTerms])}`);
    const proposed = routing.proposed.get(expert.name);
    if (proposed) {
      const what = proposed.map((p) => `${p.section} ("${p.evidence}")`).join(" and ");
      reasons.push(`the question proposes ${what}, which calls for ${expert.name}`);
    }
    why.push(`${expert.name}: ${reasons.join("; ")}`);
  }
  return why.join(" · ");
}

function quoteSome(words: string[]): string {
  const shown = words
    .slice(0, 3)
    .map((w) => `"${w}"`)
    .join(", ");
  return words.length > 3 ? `${shown} …` : shown;
}

/** Dependencies first, otherwise in the council's order: plans read top to bottom. */
export function orderByDependencies(tasks: SubTask[]): SubTask[] {
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
