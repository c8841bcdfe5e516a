import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import type { SignoffRequestInput } from "@kyocho/core/assessment";
import { buildCaseSchema, requireCaseSchemaVersion } from "@kyocho/core/case";
import { checkQuestionLimit, type Limits } from "@kyocho/core/limits";
import {
  EmbeddedPlanner,
  parseCase,
  UserInputError,
  validatePlan,
  type Assessment,
  type AuditSink,
  type Case,
  type Expert,
  type ExpertExecutor,
  type ModelClient,
  type Plan,
  type Planner,
  type Policy,
} from "@kyocho/core";
import type { CouncilEvent } from "./council-events.js";
import { createCouncilGraph, type CouncilGraph, type PlanningMode } from "./council-graph.js";
import { ensureRequiredExperts } from "./ensure-required.js";
import { assessmentIdentity } from "./assessment-identity.js";
import { signOff, type SignOffOptions } from "./signoff/sign-off.js";

export interface CouncilOptions {
  experts: ReadonlyArray<Expert<any>>;
  policy: Policy;
  executor?: ExpertExecutor;
  planner?: Planner;
  /** `speculative` (default with a planner model) or `sequential` (plan, then run); see {@link PlanningMode}. */
  planning?: PlanningMode;
  /** Input limits (question length, positions per case); default `DEFAULT_LIMITS`. */
  limits?: Limits;
  /** The clock that dates an assessment whose case gives no `asOf`; default the system clock. */
  now?: () => Date;
  /** The model that writes the executive summary after the merge; as in `createCouncilGraph`. */
  summary?: ModelClient | undefined;
  /** Where the run is audited (the summary's model calls, the assessment's line); as in `createCouncilGraph`. */
  audit?: AuditSink | undefined;
  /**
   * Checkpoints every run (thread id = assessment id), so `assess` and `resume` continue a stopped run and an
   * assessment can wait for sign-off; as in `createCouncilGraph`.
   */
  checkpointer?: BaseCheckpointSaver | undefined;
}

export interface AssessInput {
  question?: string | undefined;
  /** A validated case (see `council.parseCase`). */
  case?: Case | undefined;
  /** A ready-made plan; the planner is skipped, the plan still validated. */
  plan?: unknown;
  /** Defaults to a hash of question, case and policy, so resubmitting is idempotent. */
  assessmentId?: string | undefined;
  /** Who asks: recorded with the sign-off, and never allowed to sign it (four eyes). */
  requestedBy?: string | undefined;
}

/**
 * A council: experts, a policy, an executor and a planner around one
 * compiled LangGraph. Use `graph` directly for `invoke`/`stream`, or the
 * `assess` and `plan` conveniences.
 *
 * @example
 * const council = createCouncil({ experts: [lending, legal, fx, markets], policy });
 * const assessment = await council.assess({ question: "Can we lend USD 120m?", case: council.parseCase(raw) });
 */
export interface Council {
  readonly graph: CouncilGraph;
  readonly experts: ReadonlyArray<Expert<any>>;
  readonly policy: Policy;
  readonly executor: ExpertExecutor | undefined;
  /**
   * Validates a raw case object from outside (a file, a batch line) against this council's case schema
   * (standard sections plus its experts' own); it must say `schemaVersion: 2`.
   */
  parseCase(raw: unknown, source?: string): Case;
  /** The case JSON Schema of this council. */
  caseJsonSchema(): Record<string, unknown>;
  plan(input: { question?: string | undefined; case?: Case | undefined }): Promise<Plan>;
  /**
   * Assesses. With a checkpointer, an assessment whose run stopped part-way
   * (same question, case and policy, so the same id) continues from its
   * checkpoint, and one that finished is returned as it was.
   */
  assess(input: AssessInput, options?: RunOptions): Promise<Assessment>;
  /**
   * The input as `assess` fixes it before running: the question, the case
   * dated (its `asOf`, today when it gives none) and the assessment id its
   * checkpoints and record are kept under.
   */
  identify(input: Pick<AssessInput, "question" | "case" | "assessmentId">): {
    assessmentId: string;
    question: string;
    case: Case | undefined;
    asOf: string | undefined;
  };
  /**
   * Continues a checkpointed run (needs a checkpointer); returns its
   * assessment, at once if it had finished. `undefined`: no checkpoint of that id.
   */
  resume(assessmentId: string, options?: RunOptions): Promise<Assessment | undefined>;
  /**
   * Signs an assessment waiting for sign-off in this council's checkpointer (see {@link signOff}); the
   * request is refused with a `SignoffRefusedError` (exit 2) and nothing written when a rule forbids it.
   */
  signoff(assessmentId: string, request: SignoffRequestInput, options?: SignOffOptions): Promise<Assessment>;
}

export interface RunOptions {
  onEvent?: (event: CouncilEvent) => void;
  signal?: AbortSignal;
}

/** The tracer of assessments, plans, sub-tasks and sign-offs; a no-op until the application registers an OpenTelemetry SDK. */
const tracer = trace.getTracer("@kyocho/council");

/** Runs `work` in an active span that ends with it, marked as an error (its class name only, never its message) when it throws. */
function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "Error" });
      throw error;
    } finally {
      span.end();
    }
  });
}

export function createCouncil(options: CouncilOptions): Council {
  const graph = createCouncilGraph(options);
  const planner = options.planner ?? new EmbeddedPlanner();
  const names = options.experts.map((e) => e.name);
  const caseSchema = buildCaseSchema(Object.assign({}, ...options.experts.map((e) => e.caseSchema)) as Parameters<typeof buildCaseSchema>[0]);

  /** A plan on its own (`kyocho plan`, `POST /v1/plan`), in the span `kyocho.plan` as the graph's planner node records it. */
  const plan: Council["plan"] = ({ question, case: c }) =>
    inSpan("kyocho.plan", { "kyocho.planner": planner.kind }, async (span) => {
      const drafted = await planner.plan({ question: question ?? "", case: c }, { experts: options.experts, policy: options.policy });
      const validated = ensureRequiredExperts(validatePlan(drafted, names), c, options.experts, options.policy);
      span.setAttributes({ "kyocho.plan.tasks": validated.tasks.length, "kyocho.plan.experts": [...new Set(validated.tasks.map((t) => t.expert))] });
      return validated;
    });

  const now = options.now ?? (() => new Date());
  /** The case as the graph dates it and the id the graph derives from it, fixed before the run so a checkpoint is found by it. */
  const fixedInput = (input: Pick<AssessInput, "question" | "case" | "assessmentId">) => {
    const question = input.question ?? input.case?.question ?? "";
    const {
      asOf,
      case: c,
      assessmentId,
    } = assessmentIdentity({ question, case: input.case, policyId: options.policy.id, assessmentId: input.assessmentId, now });
    return { question, case: c, asOf, assessmentId };
  };

  /**
   * One run in the span `kyocho.assessment`, the root of the plan's, the sub-tasks' and their model calls' spans
   * (a child of the caller's span: an HTTP request, a batch line). Ids, policy and outcome only: never the question or the case.
   */
  const run = (graphInput: Record<string, unknown> | null, runOptions: RunOptions, threadId: string | undefined): Promise<Assessment> =>
    inSpan(
      "kyocho.assessment",
      {
        "kyocho.policy.id": options.policy.id,
        ...(options.policy.version !== undefined ? { "kyocho.policy.version": options.policy.version } : {}),
        ...(threadId !== undefined ? { "kyocho.assessment.id": threadId } : {}),
        "kyocho.assessment.resumed": graphInput === null,
      },
      async (span) => {
        const assessment = await runGraph(graphInput, runOptions, threadId);
        span.setAttributes({
          "kyocho.assessment.id": assessment.id,
          "kyocho.assessment.decision": assessment.decision,
          "kyocho.assessment.rating": assessment.rating,
          "kyocho.assessment.incomplete": assessment.incomplete,
          ...(assessment.signoff ? { "kyocho.signoff.status": assessment.signoff.status } : {}),
        });
        return assessment;
      },
    );

  const runGraph = async (graphInput: Record<string, unknown> | null, runOptions: RunOptions, threadId: string | undefined): Promise<Assessment> => {
    const config = {
      recursionLimit: 10_000,
      ...(runOptions.signal ? { signal: runOptions.signal } : {}),
      // "sync": a superstep's checkpoint is saved before its tasks run, so the writes of the tasks that finish are never
      // saved against a checkpoint a crash lost (PostgreSQL saves them on other connections than the checkpoint's).
      ...(threadId !== undefined ? { configurable: { thread_id: threadId }, durability: "sync" as const } : {}),
    };
    let final: { assessment?: Assessment | undefined } | undefined;
    if (runOptions.onEvent) {
      for await (const [mode, chunk] of await graph.stream(graphInput, { ...config, streamMode: ["custom", "values"] })) {
        if (mode === "custom") runOptions.onEvent(chunk as CouncilEvent);
        // A run that stops at the sign-off interrupt ends with a values chunk holding only `__interrupt__`: keep the state before it.
        else if (!("__interrupt__" in (chunk as object))) final = chunk;
      }
    } else {
      // Nobody listens for events: each streamed chunk costs LangGraph a traced step, so only the final state is read.
      final = await graph.invoke(graphInput, config);
    }
    if (!final?.assessment) throw new Error("the council finished without an assessment");
    return final.assessment;
  };

  /**
   * A checkpointed thread: `done` with its assessment (finished, or waiting at the sign-off interrupt, where only
   * signatures continue it — a re-run would start over and drop them), `stopped` part-way, or `none`.
   */
  const threadState = async (threadId: string) => {
    const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
    const assessment = (snapshot.values as { assessment?: Assessment }).assessment;
    const waitingForSignatures = snapshot.tasks.some((task) => task.interrupts.length > 0);
    if (assessment && (snapshot.next.length === 0 || waitingForSignatures)) return { kind: "done" as const, assessment };
    if (snapshot.next.length > 0) return { kind: "stopped" as const };
    return { kind: "none" as const };
  };

  const assess: Council["assess"] = async (input, runOptions = {}) => {
    const question = input.question ?? input.case?.question ?? "";
    checkQuestionLimit(question, options.limits);
    // A given plan is checked before the graph starts, so a cycle is a clean input error, not a failed run.
    const givenPlan = input.plan === undefined ? undefined : validatePlan(input.plan, names);
    if (!options.checkpointer) {
      // The graph fixes the date (evidence ages) and derives the id from it, as it does for `graph.invoke`.
      const graphInput = {
        ...(input.assessmentId ? { assessmentId: input.assessmentId } : {}),
        ...(input.requestedBy !== undefined ? { requestedBy: input.requestedBy } : {}),
        question,
        case: input.case,
        plan: givenPlan,
      };
      return run(graphInput, runOptions, undefined);
    }
    const fixed = fixedInput(input);
    const state = await threadState(fixed.assessmentId);
    if (state.kind === "done") return state.assessment;
    if (state.kind === "stopped") return run(null, runOptions, fixed.assessmentId);
    return run(
      {
        assessmentId: fixed.assessmentId,
        ...(input.requestedBy !== undefined ? { requestedBy: input.requestedBy } : {}),
        question: fixed.question,
        case: fixed.case,
        plan: givenPlan,
      },
      runOptions,
      fixed.assessmentId,
    );
  };

  const resume: Council["resume"] = async (assessmentId, runOptions = {}) => {
    if (!options.checkpointer) throw new Error("resuming needs a council with a checkpointer");
    const state = await threadState(assessmentId);
    if (state.kind === "done") return state.assessment;
    if (state.kind === "stopped") return run(null, runOptions, assessmentId);
    return undefined;
  };

  return {
    graph,
    experts: options.experts,
    policy: options.policy,
    executor: options.executor,
    parseCase: (raw, source = "case") => {
      requireCaseSchemaVersion(raw, source, source.startsWith("case file ") ? source.slice("case file ".length) : "FILE");
      return parseCase(raw, { source, schema: caseSchema, limits: options.limits });
    },
    caseJsonSchema: () => caseSchema.toJSONSchema({ io: "input" }),
    plan,
    assess,
    identify: fixedInput,
    resume,
    signoff: async (assessmentId, request, signOffOptions) => {
      if (!options.checkpointer) throw new UserInputError("needs a store: this council keeps no assessments", { path: "checkpointer", code: "NO_STORE" });
      // The authority and the decision, never the signer's name or reason: the audit log is the record of who signed what and why.
      return inSpan(
        "kyocho.signoff",
        { "kyocho.assessment.id": assessmentId, "kyocho.signoff.role": request.role, "kyocho.signoff.decision": request.decision },
        async (span) => {
          const assessment = await signOff(graph, assessmentId, request, signOffOptions);
          if (assessment.signoff) span.setAttribute("kyocho.signoff.status", assessment.signoff.status);
          return assessment;
        },
      );
    },
  };
}
