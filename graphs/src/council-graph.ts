import { END, Send, START, StateGraph, type LangGraphRunnableConfig } from "@langchain/langgraph";
import {
  EmbeddedPlanner,
  InProcessExecutor,
  mergeAssessment,
  nextStep,
  todayUtc,
  UserInputError,
  validatePlan,
  type Expert,
  type ExpertExecutor,
  type ExpertRequest,
  type ExpertResult,
  type Planner,
  type Policy,
  unfinishedResult,
} from "@kyocho/core";
import type { CouncilEvent } from "./council-events.js";
import { CouncilState, type CouncilStateType } from "./council-state.js";
import { ensureRequiredExperts } from "./ensure-required.js";

export interface CouncilGraphOptions {
  experts: ReadonlyArray<Expert<any>>;
  policy: Policy;
  /** How sub-tasks run; default: in this process. */
  executor?: ExpertExecutor;
  /** How questions become plans; default: the embedded planner. */
  planner?: Planner;
  /** The clock that dates an assessment whose case gives no `asOf`; default the system clock. */
  now?: () => Date;
}

/** What the dispatch sends to the expert node: a sub-task's request without the policy, which the node adds back. */
type SentRequest = Omit<ExpertRequest, "policy">;

/**
 * Builds the council as an ordinary compiled LangGraph:
 *
 *   START → planner → dispatch ─Send×N→ expert ─┐
 *                       ▲                        │ (loop while tasks remain)
 *                       └────────────────────────┘
 *                     dispatch → merger → END
 *
 * `dispatch` sends every ready sub-task to the `expert` node at once (so
 * independent experts run in parallel), marks tasks whose dependency failed
 * as `skipped`, and hands all results, verbatim, to `merge` when nothing is
 * left. Experts' policy sections are validated here, at build time.
 *
 * @example
 * const graph = createCouncilGraph({ experts: [lending, fx], policy });
 * const { assessment } = await graph.invoke({ assessmentId: "a-1", question: "Can we lend?", case: c });
 */
export function createCouncilGraph(options: CouncilGraphOptions) {
  const { experts, policy } = options;
  const names = new Set<string>();
  for (const expert of experts) {
    if (names.has(expert.name)) throw new UserInputError(`two experts are named "${expert.name}"`, { source: "council", path: "experts" });
    names.add(expert.name);
    expert.resolvePolicy(policy);
  }
  const executor = options.executor ?? new InProcessExecutor(experts);
  const domainOf = (name: string) => experts.find((e) => e.name === name)?.domain ?? name;
  const planner = options.planner ?? new EmbeddedPlanner();

  const vetoes = experts.flatMap((e) => e.vetoes);
  const now = options.now ?? (() => new Date());

  const plan = async (state: CouncilStateType, config: LangGraphRunnableConfig) => {
    // Every expert ages its evidence against the same day, fixed once here for the whole assessment.
    const c = state.case && !state.case.asOf ? { ...state.case, asOf: todayUtc(now()) } : state.case;
    const drafted = state.plan ?? (await planner.plan({ question: state.question ?? "", case: c }, { experts, policy }));
    const validated = ensureRequiredExperts(validatePlan(drafted, names), c, experts, policy);
    config.writer?.({ type: "planned", plan: validated } satisfies CouncilEvent);
    return { plan: validated, case: c, asOf: c?.asOf ?? todayUtc(now()) };
  };

  const dispatch = (state: CouncilStateType) => {
    const step = nextStep(state.plan!, state.results);
    const skipped: Record<string, ExpertResult> = {};
    for (const { task, blockedBy } of step.skipped) {
      skipped[task.id] = unfinishedResult(
        task,
        "skipped",
        { code: "DEPENDENCY_NOT_MET", message: `depends on ${blockedBy.join(", ")}, which did not finish` },
        domainOf(task.expert),
      );
    }
    return { results: skipped };
  };

  const route = (state: CouncilStateType) => {
    const step = nextStep(state.plan!, state.results);
    if (step.ready.length === 0) return "merger";
    return step.ready.map((task) => {
      const dependencies: Record<string, ExpertResult> = {};
      for (const dep of task.dependsOn) {
        const result = state.results[dep];
        if (result) dependencies[result.expert] = result;
      }
      // The policy is not sent: Send deep-copies its argument, and a copy per sub-task would cost a copy
      // and defeat the per-policy cache of each expert's parsed section (measured: ~10% of a question's CPU).
      const request: SentRequest = { assessmentId: state.assessmentId, task, case: state.case, dependencies };
      return new Send("expert", { request });
    });
  };

  const runExpert = async (input: { request: SentRequest }, config: LangGraphRunnableConfig) => {
    const request: ExpertRequest = { ...input.request, policy };
    const { task } = request;
    config.writer?.({ type: "expert_started", taskId: task.id, expert: task.expert } satisfies CouncilEvent);
    let result: ExpertResult;
    try {
      result = await executor.execute(request, config.signal ? { signal: config.signal } : {});
    } catch (error) {
      // An executor that cannot reach its expert (a queue down, a worker lost) is that expert's failure, not the council's.
      result = unfinishedResult(
        task,
        "failed",
        { code: "EXECUTOR_ERROR", message: error instanceof Error ? error.message : String(error) },
        domainOf(task.expert),
      );
    }
    config.writer?.({
      type: "expert_finished",
      taskId: task.id,
      expert: task.expert,
      status: result.status,
      latencyMs: result.latencyMs,
      findings: result.findings.length,
    } satisfies CouncilEvent);
    return { results: { [task.id]: result } };
  };

  const merge = (state: CouncilStateType, config: LangGraphRunnableConfig) => {
    const assessment = mergeAssessment({
      assessmentId: state.assessmentId,
      question: state.question,
      case: state.case,
      plan: state.plan!,
      results: state.results,
      policy,
      vetoes,
      asOf: state.asOf,
    });
    config.writer?.({ type: "merged", rating: assessment.rating, decision: assessment.decision, incomplete: assessment.incomplete } satisfies CouncilEvent);
    return { assessment };
  };

  return new StateGraph(CouncilState)
    .addNode("planner", plan)
    .addNode("dispatch", dispatch)
    .addNode("expert", runExpert)
    .addNode("merger", merge)
    .addEdge(START, "planner")
    .addEdge("planner", "dispatch")
    .addConditionalEdges("dispatch", route, ["expert", "merger"])
    .addEdge("expert", "dispatch")
    .addEdge("merger", END)
    .compile();
}

export type CouncilGraph = ReturnType<typeof createCouncilGraph>;
