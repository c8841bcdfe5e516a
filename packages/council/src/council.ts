import type { BaseCheckpointSaver } from "@langchain/langgraph";
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
import { signOff } from "./signoff/sign-off.js";

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
  /** Where assessments are kept as threads (thread id = assessment id), so that they can wait for sign-off; as in `createCouncilGraph`. */
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
  /** Who asks: recorded with the sign-off, and refused as a signer (four eyes). */
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
  assess(input: AssessInput, options?: { onEvent?: (event: CouncilEvent) => void; signal?: AbortSignal }): Promise<Assessment>;
  /**
   * Signs an assessment waiting for sign-off in this council's checkpointer (see {@link signOff}); the
   * request is refused with a `SignoffRefusedError` (exit 2) and nothing written when a rule forbids it.
   */
  signoff(assessmentId: string, request: SignoffRequestInput): Promise<Assessment>;
}

export function createCouncil(options: CouncilOptions): Council {
  const graph = createCouncilGraph(options);
  const planner = options.planner ?? new EmbeddedPlanner();
  const names = options.experts.map((e) => e.name);
  const caseSchema = buildCaseSchema(Object.assign({}, ...options.experts.map((e) => e.caseSchema)) as Parameters<typeof buildCaseSchema>[0]);

  const plan: Council["plan"] = async ({ question, case: c }) => {
    const drafted = await planner.plan({ question: question ?? "", case: c }, { experts: options.experts, policy: options.policy });
    return ensureRequiredExperts(validatePlan(drafted, names), c, options.experts, options.policy);
  };

  const assess: Council["assess"] = async (input, runOptions = {}) => {
    const question = input.question ?? input.case?.question ?? "";
    checkQuestionLimit(question, options.limits);
    // A given plan is checked before the graph starts, so a cycle is a clean input error, not a failed run.
    const givenPlan = input.plan === undefined ? undefined : validatePlan(input.plan, names);
    // The graph fixes the date (evidence ages) and derives the id from it, as it does for `graph.invoke`.
    const graphInput = {
      ...(input.assessmentId ? { assessmentId: input.assessmentId } : {}),
      ...(input.requestedBy !== undefined ? { requestedBy: input.requestedBy } : {}),
      question,
      case: input.case,
      plan: givenPlan,
    };
    // A checkpointed graph needs its thread id (the assessment id) before it runs.
    const thread = options.checkpointer
      ? {
          configurable: {
            thread_id: assessmentIdentity({
              question,
              case: input.case,
              policyId: options.policy.id,
              assessmentId: input.assessmentId,
              now: options.now ?? (() => new Date()),
            }).assessmentId,
          },
        }
      : {};
    const config = {
      ...thread,
      recursionLimit: 10_000,
      ...(runOptions.signal ? { signal: runOptions.signal } : {}),
    };
    if (options.checkpointer) {
      // Already assessed in this thread: a second run would start over and drop its signatures, so the kept one is returned.
      const kept = ((await graph.getState(config)).values as { assessment?: Assessment } | undefined)?.assessment;
      if (kept) return kept;
    }
    let final: { assessment?: Assessment | undefined } | undefined;
    if (runOptions.onEvent) {
      for await (const [mode, chunk] of await graph.stream(graphInput, { ...config, streamMode: ["custom", "values"] })) {
        if (mode === "custom") runOptions.onEvent(chunk as CouncilEvent);
        else final = chunk;
      }
    } else {
      // Nobody listens for events: each streamed chunk costs LangGraph a traced step, so only the final state is read.
      final = await graph.invoke(graphInput, config);
    }
    if (!final?.assessment) throw new Error("the council finished without an assessment");
    return final.assessment;
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
    signoff: async (assessmentId, request) => {
      if (!options.checkpointer) throw new UserInputError("needs a store: this council keeps no assessments", { path: "checkpointer", code: "NO_STORE" });
      return signOff(graph, assessmentId, request);
    },
  };
}
