import { randomUUID } from "node:crypto";
import { END, interrupt, Send, START, StateGraph, type BaseCheckpointSaver, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { context as otelContext, SpanStatusCode, trace } from "@opentelemetry/api";
import { assessmentAuditEntry, signoffAuditEntry } from "@kyocho/core/audit";
import { unfinishedResult } from "@kyocho/core/assessment";
import {
  EmbeddedPlanner,
  InProcessExecutor,
  mergeAssessment,
  UserInputError,
  validatePlan,
  type AuditSink,
  type Expert,
  type ExpertExecutor,
  type ExpertRequest,
  type ExpertResult,
  type ModelClient,
  type Planner,
  type Policy,
  type SubTask,
} from "@kyocho/core";
import { planEmbedded, waitsForAnswer } from "@kyocho/core/plan";
import { summariseWithModel } from "@kyocho/models";
import { assessmentIdentity } from "./assessment-identity.js";
import type { CouncilEvent } from "./council-events.js";
import { CouncilState, type CouncilStateType } from "./council-state.js";
import { ensureRequiredExperts } from "./ensure-required.js";
import { RunBoard } from "./run-board.js";
import { speculativeTasks, withStartedTasks } from "./speculative-start.js";
import { applySignoff } from "./signoff/apply-signoff.js";
import { openSignoff } from "./signoff/open-signoff.js";
import type { SignoffInterrupt } from "./signoff/signoff-interrupt.js";

/**
 * When the experts start relative to the planner. `speculative`: the experts
 * the case data requires start their facts and models on the embedded
 * planner's sub-questions while a planner model thinks; the ones it adds
 * start when it answers. `sequential`: plan first, then run.
 */
export type PlanningMode = "speculative" | "sequential";

/**
 * The tracer of the plan and the sub-tasks; a no-op until the application
 * registers an OpenTelemetry SDK. LangGraph runs a node in the async context of
 * `invoke`/`stream`, so these spans are children of the caller's active span
 * (`kyocho.assessment` when the run goes through the council).
 */
const tracer = trace.getTracer("@kyocho/council");

export interface CouncilGraphOptions {
  experts: ReadonlyArray<Expert<any>>;
  policy: Policy;
  /** How sub-tasks run; default: in this process. */
  executor?: ExpertExecutor;
  /** How questions become plans; default: the embedded planner. */
  planner?: Planner;
  /**
   * Default `speculative` when the planner is not the embedded one (whose
   * plan is ready at once, so there is nothing to start early).
   */
  planning?: PlanningMode;
  /** The clock that dates an assessment whose case gives no `asOf`; default the system clock. */
  now?: () => Date;
  /**
   * The model that writes the executive summary after the merge; without
   * one the assessment has none. Its failure leaves the assessment unchanged.
   */
  summary?: ModelClient | undefined;
  /** Where the run is audited: the summary's model calls and, last, the assessment's own line. */
  audit?: AuditSink | undefined;
  /**
   * Where the graph checkpoints each superstep and each finished node (thread
   * id = assessment id). With one, a run stopped part-way (a crash, a kill)
   * resumes from its checkpoint: the experts that finished are not run again;
   * and an assessment that needs sign-off stops at the `signoff` node (a
   * LangGraph `interrupt`) until enough signers resume it. Without one it
   * ends `awaiting_signoff`, the authority it needs recorded in `signoff`.
   */
  checkpointer?: BaseCheckpointSaver | undefined;
}

/**
 * What `launch` sends to the planner and each expert slot: which run, and the
 * two values fixed at launch that the checkpointed state does not hold yet
 * (so a resumed run rebuilds the same board); the case is not copied per Send.
 */
interface RunInput {
  run: string;
  assessmentId: string;
  asOf: string;
}

interface SlotInput extends RunInput {
  expert: string;
}

/**
 * Builds the council as an ordinary compiled LangGraph:
 *
 *   START ─Send─→ planner ─────────────┐
 *         └Send×E→ expert (one slot per expert) ─→ merger → summarise → record → END
 *
 * The planner and one slot per expert run in the same superstep and meet on
 * a {@link RunBoard}: a slot runs its expert's sub-tasks of the plan, each
 * the moment its own dependencies are met — for a dependency on facts (the
 * default) when the dependency's calculators and rules are done, before its
 * model answers; for `awaitsAnswer` when its whole result is in. So every
 * model call of the reference council starts at once, and a slow expert
 * delays only what truly depends on it. With a planner model and
 * speculative planning, the experts the case requires start before the
 * planner answers. A task whose dependency failed is `skipped`; all results
 * reach the merge verbatim. After the merge, the summary model (if given)
 * writes the executive summary and the audit sink (if given) receives the
 * assessment's line, so `graph.invoke` returns what `kyocho ask` prints.
 * Experts' policy sections are validated here, at build time.
 *
 * @example
 * const graph = createCouncilGraph({ experts: [lending, fx], policy });
 * const { assessment } = await graph.invoke({ question: "Can we lend?", case: c }); // the id is derived as council.assess derives it
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
  const planning: PlanningMode = options.planning ?? (planner.kind === "embedded" ? "sequential" : "speculative");
  if (planning !== "speculative" && planning !== "sequential") {
    throw new UserInputError('must be "speculative" or "sequential"', { source: "council", path: "planning" });
  }
  const vetoes = experts.flatMap((e) => e.vetoes);
  const now = options.now ?? (() => new Date());
  const summaryModel = options.summary;
  const audit = options.audit;
  const context = { experts, policy };

  const boards = new Map<string, { board: RunBoard; present: number }>();
  const rebuilding = new Map<string, Promise<RunBoard>>();
  const runInputs = (state: Pick<CouncilStateType, "question" | "case" | "plan">, fixed: { assessmentId: string; asOf: string }) => {
    const c = state.case && !state.case.asOf ? { ...state.case, asOf: fixed.asOf } : state.case;
    const question = state.question ?? c?.question ?? "";
    const early =
      planning === "speculative" && !state.plan && planner.kind !== "embedded" ? speculativeTasks(planEmbedded({ question, case: c }, context)) : [];
    return new RunBoard(
      { assessmentId: fixed.assessmentId, question, case: c, asOf: fixed.asOf, givenPlan: state.plan },
      new Map(early.map((t) => [t.expert, t])),
    );
  };
  /**
   * The board of a run this process did not launch: a run resumed from its
   * checkpoint, whose launch happened before the crash. Rebuilt once per run
   * from the checkpoint: its state (the inputs), and what the tasks that
   * finished before the stop wrote (the plan, experts' results), so the
   * tasks that run again find what they wait for and the finished ones are
   * not run again.
   */
  const rebuild = async (input: RunInput, config: LangGraphRunnableConfig): Promise<RunBoard> => {
    const threadId = config.configurable?.thread_id as string | undefined;
    if (!options.checkpointer || threadId === undefined) throw new Error(`council run ${input.run} is unknown to this graph`);
    const snapshot = await compiled.getState({ configurable: { thread_id: threadId } });
    const board = runInputs(snapshot.values as CouncilStateType, input);
    let unfinished = 0;
    for (const task of snapshot.tasks) {
      const written = task.result as Partial<CouncilStateType> | undefined;
      if (written === undefined) unfinished++;
      else if (task.name === "planner" && written.plan) board.postPlan(written.plan);
      else if (task.name === "expert") for (const [taskId, result] of Object.entries(written.results ?? {})) board.postAnswer(taskId, result);
    }
    boards.set(input.run, { board, present: unfinished });
    return board;
  };
  const enter = async (input: RunInput, config: LangGraphRunnableConfig): Promise<RunBoard> => {
    const entry = boards.get(input.run);
    if (entry) return entry.board;
    let pending = rebuilding.get(input.run);
    if (!pending) {
      pending = rebuild(input, config).finally(() => rebuilding.delete(input.run));
      rebuilding.set(input.run, pending);
    }
    return pending;
  };
  const leave = (run: string) => {
    const entry = boards.get(run);
    if (entry && --entry.present <= 0) boards.delete(run);
  };

  const launch = (state: CouncilStateType) => {
    // Every expert ages its evidence against the same day, fixed once here for the whole assessment.
    const question = state.question ?? state.case?.question ?? "";
    // Derived here too, so that `graph.invoke` without an id gives what `council.assess` gives.
    const { asOf, assessmentId } = assessmentIdentity({ question, case: state.case, policyId: policy.id, assessmentId: state.assessmentId, now });
    const run = randomUUID();
    const fixed = { run, assessmentId, asOf };
    boards.set(run, { board: runInputs(state, fixed), present: 1 + experts.length });
    return [new Send("planner", fixed), ...experts.map((e) => new Send("expert", { ...fixed, expert: e.name } satisfies SlotInput))];
  };

  const plan = async (input: RunInput, config: LangGraphRunnableConfig) => {
    const board = await enter(input, config);
    const { assessmentId, case: c, asOf, question } = board.inputs;
    const span = tracer.startSpan("kyocho.plan", {
      attributes: { "kyocho.assessment.id": assessmentId, "kyocho.planner": board.inputs.givenPlan ? "given" : planner.kind },
    });
    // Active while the planner runs, so that a planner model's call is a child of the plan.
    const active = trace.setSpan(otelContext.active(), span);
    try {
      const drafted = board.inputs.givenPlan ?? (await otelContext.with(active, () => planner.plan({ question, case: c }, context)));
      const validated = ensureRequiredExperts(validatePlan(drafted, names), c, experts, policy);
      const final = withStartedTasks(validated, [...board.speculative.values()]);
      board.postPlan(final);
      span.setAttributes({ "kyocho.plan.tasks": final.tasks.length, "kyocho.plan.experts": [...new Set(final.tasks.map((t) => t.expert))] });
      config.writer?.({ type: "planned", plan: final } satisfies CouncilEvent);
      // The question too: a caller of `graph.invoke` who gave only a case gets the case's question in the assessment, as `council.assess` does.
      return { assessmentId, question, plan: final, case: c, asOf };
    } catch (error) {
      board.failPlan(error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "Error" });
      throw error;
    } finally {
      span.end();
      leave(input.run);
    }
  };

  /**
   * One sub-task in the span `kyocho.subtask`: from the wait for its dependencies to its result, the executor's
   * spans (a queued job, the expert's model calls) as its children. The expert, the task and the outcome only.
   */
  const runTask = (board: RunBoard, task: SubTask, config: LangGraphRunnableConfig): Promise<ExpertResult> =>
    tracer.startActiveSpan(
      "kyocho.subtask",
      {
        attributes: {
          "kyocho.assessment.id": board.inputs.assessmentId,
          "kyocho.task.id": task.id,
          "kyocho.expert": task.expert,
          "kyocho.subtask.speculative": task.speculative === true,
        },
      },
      async (span) => {
        try {
          const result = await runTaskUntraced(board, task, config);
          span.setAttribute("kyocho.subtask.status", result.status);
          if (result.error) span.setAttribute("error.type", result.error.code);
          if (result.status === "failed") span.setStatus({ code: SpanStatusCode.ERROR, message: result.error?.code ?? "failed" });
          return result;
        } finally {
          span.end();
        }
      },
    );

  const runTaskUntraced = async (board: RunBoard, task: SubTask, config: LangGraphRunnableConfig): Promise<ExpertResult> => {
    const dependencies: Record<string, ExpertResult> = {};
    const blockedBy: string[] = [];
    for (const dep of task.dependsOn) {
      const result = await (waitsForAnswer(task, dep) ? board.waitForAnswer(dep) : board.waitForFacts(dep));
      if (result.status !== "ok") blockedBy.push(dep);
      else dependencies[result.expert] = result;
    }
    if (blockedBy.length > 0) {
      return unfinishedResult(
        task,
        "skipped",
        { code: "DEPENDENCY_NOT_MET", message: `depends on ${blockedBy.join(", ")}, which did not finish` },
        domainOf(task.expert),
      );
    }
    const { assessmentId, case: c } = board.inputs;
    const request: ExpertRequest = { assessmentId, task, case: c, policy, dependencies };
    config.writer?.({
      type: "expert_started",
      taskId: task.id,
      expert: task.expert,
      ...(task.speculative ? { speculative: true } : {}),
    } satisfies CouncilEvent);
    let result: ExpertResult;
    try {
      result = await executor.execute(request, {
        signal: config.signal,
        onFacts: (facts) => {
          board.postFacts(task.id, facts);
          config.writer?.({ type: "expert_facts", taskId: task.id, expert: task.expert, findings: facts.findings.length } satisfies CouncilEvent);
        },
      });
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
    return result;
  };

  const slot = async (input: SlotInput, config: LangGraphRunnableConfig) => {
    const board = await enter(input, config);
    try {
      const settle = async (task: SubTask) => {
        let result: ExpertResult | undefined;
        try {
          result = await runTask(board, task, config);
          return [task.id, result] as const;
        } finally {
          // Posted whatever happened, so that no dependant waits for a task that will never report.
          board.postAnswer(
            task.id,
            result ?? unfinishedResult(task, "failed", { code: "EXECUTOR_ERROR", message: "the sub-task stopped without a result" }, domainOf(task.expert)),
          );
        }
      };
      const early = board.speculative.get(input.expert);
      const running = early ? [settle(early)] : [];
      let plan;
      try {
        plan = await board.waitForPlan();
      } catch {
        await Promise.allSettled(running);
        return {};
      }
      for (const task of plan.tasks) if (task.expert === input.expert && task.id !== early?.id) running.push(settle(task));
      if (running.length === 0) return {};
      return { results: Object.fromEntries(await Promise.all(running)) };
    } finally {
      leave(input.run);
    }
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

  const summarise = async (state: CouncilStateType, config: LangGraphRunnableConfig) => {
    if (!summaryModel || !state.assessment) return {};
    let fallback: string | undefined;
    const assessment = await summariseWithModel(state.assessment, summaryModel, {
      audit,
      signal: config.signal,
      onFallback: (reason) => (fallback = reason),
    });
    config.writer?.(
      (assessment.executiveSummary
        ? { type: "summarised", written: true, model: assessment.executiveSummary.model }
        : { type: "summarised", written: false, reason: fallback ?? "no summary" }) satisfies CouncilEvent,
    );
    return { assessment };
  };

  // After the summary, so that the audit line below records the authority the recommendation needs.
  const authority = (state: CouncilStateType) => {
    if (!state.assessment) return {};
    const signoff = openSignoff({ assessment: state.assessment, case: state.case, policy, requestedBy: state.requestedBy });
    return signoff ? { assessment: { ...state.assessment, signoff } } : {};
  };

  const awaitingSignoff = (state: CouncilStateType) => state.assessment?.signoff?.status === "awaiting_signoff";

  // One signature per pass: the node stops at `interrupt` and, resumed with a signer's request, applies the
  // sign-off rules. A refused request stops it again (the refusal in the interrupt), so the thread keeps its
  // checkpoint and waits for the next signer; a thrown error would leave the task failed, and every later resume
  // would replay it. (`signOff` checks first, so through it a refused request never reaches the graph.)
  const signoff = (state: CouncilStateType, config: LangGraphRunnableConfig) => {
    const assessment = state.assessment!;
    let request = interrupt<SignoffInterrupt, unknown>({ assessmentId: assessment.id, signoff: assessment.signoff! });
    let next;
    for (;;) {
      try {
        next = applySignoff(assessment, request as Parameters<typeof applySignoff>[1]);
        break;
      } catch (error) {
        if (!(error instanceof UserInputError)) throw error;
        request = interrupt<SignoffInterrupt, unknown>({
          assessmentId: assessment.id,
          signoff: assessment.signoff!,
          refused: { code: error.code, message: error.message },
        });
      }
    }
    const signed = { ...assessment, signoff: next };
    // Who decided what, on the audit trail beside the assessment's own line (the store keeps the record).
    if (audit) audit.write(signoffAuditEntry(signed));
    config.writer?.({ type: "signed", status: next.status, signatures: next.signatures.length, required: next.required.signatures } satisfies CouncilEvent);
    return { assessment: signed };
  };

  // Last, so that the line records the assessment exactly as the run returns it, summary included.
  const record = (state: CouncilStateType) => {
    if (audit && state.assessment) audit.write(assessmentAuditEntry(state.assessment));
    return {};
  };

  // Without a checkpointer nothing could resume an interrupt: the run ends awaiting sign-off, as recorded.
  const afterRecord = (state: CouncilStateType) => (options.checkpointer && awaitingSignoff(state) ? "signoff" : END);
  const afterSignature = (state: CouncilStateType) => (awaitingSignoff(state) ? "signoff" : END);

  const compiled = new StateGraph(CouncilState)
    .addNode("planner", plan)
    .addNode("expert", slot)
    .addNode("merger", merge)
    .addNode("summarise", summarise)
    .addNode("authority", authority)
    .addNode("record", record)
    .addNode("signoff", signoff)
    .addConditionalEdges(START, launch, ["planner", "expert"])
    .addEdge("planner", "merger")
    .addEdge("expert", "merger")
    .addEdge("merger", "summarise")
    .addEdge("summarise", "authority")
    .addEdge("authority", "record")
    .addConditionalEdges("record", afterRecord, ["signoff", END])
    .addConditionalEdges("signoff", afterSignature, ["signoff", END])
    .compile(options.checkpointer ? { checkpointer: options.checkpointer } : {});
  return compiled;
}

export type CouncilGraph = ReturnType<typeof createCouncilGraph>;
