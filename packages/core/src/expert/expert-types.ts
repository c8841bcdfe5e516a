import type { z } from "zod";
import type { Case } from "../case/case-schema.js";
import type { ExpertResult, TaskRole } from "../assessment/expert-result.js";
import type { Citation, FindingInput } from "../assessment/finding.js";
import type { KnowledgeSource } from "./knowledge-source.js";
import type { Policy } from "../policy/policy-schema.js";
import type { LocalizedText } from "../policy/localized-text.js";
import type { SubTask } from "../plan/plan-schema.js";
import type { AuditSink } from "../audit/audit-entry.js";
import type { ModelClient } from "../model/model-client.js";

/** Everything one run of an expert needs; serialisable, so it can travel through a queue. */
export interface ExpertRequest {
  assessmentId: string;
  task: SubTask;
  case?: Case | undefined;
  policy: Policy;
  /** Results of the tasks this one depends on, keyed by expert name. */
  dependencies: Record<string, ExpertResult>;
}

/** A finding as an expert writes it; the expert name and domain are filled in for it. */
export type ExpertFinding = Omit<FindingInput, "expert" | "domain">;

/** What an expert's `run` returns. */
export interface ExpertOutput {
  findings: ExpertFinding[];
  metrics?: Record<string, number | null>;
  /** Extra citations; the passages retrieved for the sub-question are added automatically. */
  citations?: Citation[];
  notes?: string[];
  model?: string;
}

/** What an expert's `run` receives. */
export interface ExpertRunContext<P> {
  task: SubTask;
  question: string;
  case: Case | undefined;
  /** This expert's section of the policy, validated by its `policySchema`. */
  policy: P;
  fullPolicy: Policy;
  dependencies: Readonly<Record<string, ExpertResult>>;
  role: TaskRole;
  knowledge: KnowledgeSource;
  /** Passages of this expert's knowledge retrieved for the sub-question. */
  passages: Citation[];
  signal: AbortSignal;
  /** A DATA-GAP finding naming the missing field paths; the message in English, or `{ en, ja }`. */
  dataGap: (fields: string[], message: LocalizedText) => ExpertFinding;
  /** A DATA-CONFLICT finding naming the field paths whose values cannot both be true. */
  dataConflict: (fields: string[], message: LocalizedText) => ExpertFinding;
  /** The date the assessment speaks for (`YYYY-MM-DD`): the case's `asOf`, else today (UTC). */
  asOf: string;
}

/** The arguments of {@link defineExpert}. */
export interface ExpertDefinition<P = undefined> {
  /** Lower-case identifier, also the queue name suffix: `lending`, `fx`, `esg`. */
  name: string;
  /** The risk domain its findings are rated under; defaults to `name`. */
  domain?: string;
  description: string;
  /** Words (English and Japanese) that signal a question needs this expert. */
  keywords: readonly string[];
  /** Extra top-level case sections this expert reads (zod shapes), merged into the council's case schema. */
  caseSchema?: z.ZodRawShape;
  /** Validates this expert's section of the policy file (`experts.<name>`). */
  policySchema?: z.ZodType<P>;
  /** The expert's knowledge documents. */
  knowledge?: KnowledgeSource;
  /** True when the case data calls for this expert (it is then `required`, not advisory). */
  isRequired?: (c: Case) => boolean;
  /**
   * The experts this one needs for this case. A name binds to that expert's
   * facts (metrics, rule findings, citations), which its calculators produce
   * before any model writes, so both models can run at once;
   * `{ expert, on: "answer" }` waits for its whole result, model answer
   * included. The reference experts declare no answer dependency.
   */
  dependsOn?: (c: Case | undefined) => ReadonlyArray<string | ExpertDependency>;
  /** The sub-question this expert is asked, written from the user's question. */
  subQuestion?: (question: string, c: Case | undefined) => string;
  /**
   * Rule ids of this expert whose finding declines the deal whatever the
   * policy's decision table says (legal: LEG-SANC, LEG-ASF). Declared in code,
   * so no policy file can take them away; a policy may add more.
   */
  vetoes?: readonly string[];
  /** Per-run time limit of the deterministic path; a run that exceeds it is `failed` with code TIMEOUT. Default 30 s. A model has its own (`timeoutMs` in the model config). */
  timeoutMs?: number;
  run(ctx: ExpertRunContext<P>): Promise<ExpertOutput> | ExpertOutput;
}

/** A dependency on another expert, on its facts (the default) or on its whole answer. */
export interface ExpertDependency {
  expert: string;
  on: "facts" | "answer";
}

/** What `Expert.run` takes besides the request; executors fill `model` and `audit` from the model registry. */
export interface ExpertRunOptions {
  signal?: AbortSignal | undefined;
  /**
   * The expert's model. With one, the deterministic result is sent to it
   * after the run and its grounded findings are added (`source: "model"`);
   * any model failure leaves the deterministic result, with a warning note.
   */
  model?: ModelClient | undefined;
  /** Where the model's calls are audited. */
  audit?: AuditSink | undefined;
  /**
   * Called once with the expert's facts — its deterministic result, status
   * `ok` — as soon as they exist and before its model is consulted, so that
   * dependants can start while the model writes. Not called when the
   * deterministic phase fails (the final result says so).
   */
  onFacts?: ((facts: ExpertResult) => void) | undefined;
}

/** A defined expert: a council member and, through `asNode()`, a LangGraph node. */
export interface Expert<P = unknown> {
  readonly name: string;
  readonly domain: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly caseSchema: z.ZodRawShape;
  readonly knowledge: KnowledgeSource;
  readonly timeoutMs: number;
  /** Rule ids whose finding declines the deal (see {@link ExpertDefinition.vetoes}). */
  readonly vetoes: readonly string[];
  isRequired(c: Case | undefined): boolean;
  /** Names of the experts this one waits for, for their facts or their answer. */
  dependsOn(c: Case | undefined): string[];
  /**
   * The subset of `dependsOn` whose whole answer (model included) this expert
   * waits for. Optional, so that an expert written by hand before two-phase
   * runs keeps working: without it, every dependency binds to facts.
   */
  awaitsAnswerOf?(c: Case | undefined): string[];
  subQuestion(question: string, c: Case | undefined): string;
  /** Validates and returns this expert's policy section; throws a UserInputError naming the path. */
  resolvePolicy(policy: Policy): P;
  /**
   * Runs one sub-task in two phases: the deterministic facts (reported
   * through `options.onFacts`), then, with a model, the consultation on top
   * of them. Never throws: failures come back as `status: "failed"`.
   */
  run(request: ExpertRequest, options?: ExpertRunOptions): Promise<ExpertResult>;
  /** A LangGraph node: reads `{ request }` from state, writes `{ result }`. */
  asNode(): (state: { request: ExpertRequest }) => Promise<{ result: ExpertResult }>;
}
