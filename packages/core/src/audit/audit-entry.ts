import { createHash } from "node:crypto";
import type { Assessment } from "../assessment/assessment-schema.js";

/** Token counts as the server reported them. */
export interface TokenUsage {
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
  totalTokens?: number | undefined;
}

/** What became of one chat-completion request. */
export type ModelCallOutcome = "ok" | "http_error" | "timeout" | "network_error" | "aborted" | "bad_response";

/**
 * One line per chat-completion request (every retry is its own line).
 * `promptSha256` is the SHA-256 of the JSON array of `{ role, content }`
 * messages sent; `responseSha256` that of the content received, before
 * `<think>` was stripped. `text` is written only with `audit.includeText`.
 */
export interface ModelCallAuditEntry {
  kind: "model_call";
  time: string;
  assessmentId?: string | undefined;
  /** The expert's name, `planner` or `summary`. */
  caller: string;
  /** `answer`, `repair` (after invalid JSON), `grounding` (after invented numbers) or `summary`. */
  purpose: string;
  attempt: number;
  endpoint: string;
  model: string;
  reasoning: boolean;
  responseFormat: string;
  promptSha256: string;
  responseSha256?: string | undefined;
  usage?: TokenUsage | undefined;
  latencyMs: number;
  outcome: ModelCallOutcome;
  status?: number | undefined;
  error?: string | undefined;
  text?: { prompt: ReadonlyArray<{ role: string; content: string }>; response?: string | undefined } | undefined;
}

/** One line per expert that consulted a model: was the answer used, and why not. */
export interface ExpertAnswerAuditEntry {
  kind: "expert_answer";
  time: string;
  assessmentId?: string | undefined;
  expert: string;
  endpoint: string;
  model: string;
  reasoning: boolean;
  outcome: "accepted" | "fallback";
  reason?: string | undefined;
  findingsAdded: number;
  calls: number;
  latencyMs: number;
  responseSha256?: string | undefined;
}

/** One line per assessment: the decision and, per expert, which model (if any) contributed. */
export interface AssessmentAuditEntry {
  kind: "assessment";
  time: string;
  assessmentId: string;
  caseId?: string | undefined;
  questionSha256?: string | undefined;
  policy: { id: string; version?: string | undefined };
  rating: string;
  decision: string;
  incomplete: boolean;
  findings: { rule: number; model: number };
  experts: Array<{
    name: string;
    status: string;
    model?: string | undefined;
    endpoint?: string | undefined;
    reasoning?: boolean | undefined;
    modelOutcome?: string | undefined;
    responseSha256?: string | undefined;
  }>;
  executiveSummary?: { model: string; endpoint: string; reasoning: boolean; sha256: string } | undefined;
  text?: { question?: string | undefined; executiveSummary?: string | undefined } | undefined;
}

export type AuditEntry = ModelCallAuditEntry | ExpertAnswerAuditEntry | AssessmentAuditEntry;

/** Where audit lines go. `write` is synchronous, so a line is on disk before the caller goes on. */
export interface AuditSink {
  write(entry: AuditEntry): void;
}

/** Hex SHA-256 of a string. */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The audit line of a finished assessment.
 *
 * @example
 * audit.write(assessmentAuditEntry(assessment));
 */
export function assessmentAuditEntry(assessment: Assessment): AssessmentAuditEntry {
  const summary = assessment.executiveSummary;
  return {
    kind: "assessment",
    time: new Date().toISOString(),
    assessmentId: assessment.id,
    ...(assessment.caseId ? { caseId: assessment.caseId } : {}),
    ...(assessment.question ? { questionSha256: sha256(assessment.question) } : {}),
    policy: { id: assessment.policy.id, ...(assessment.policy.version ? { version: assessment.policy.version } : {}) },
    rating: assessment.rating,
    decision: assessment.decision,
    incomplete: assessment.incomplete,
    findings: {
      rule: assessment.findings.filter((f) => f.source === "rule").length,
      model: assessment.findings.filter((f) => f.source === "model").length,
    },
    experts: assessment.experts.map((e) => ({
      name: e.name,
      status: e.status,
      ...(e.model ? { model: e.model } : {}),
      ...(e.modelUse
        ? {
            endpoint: e.modelUse.host,
            reasoning: e.modelUse.reasoning,
            modelOutcome: e.modelUse.outcome,
            ...(e.modelUse.responseSha256 ? { responseSha256: e.modelUse.responseSha256 } : {}),
          }
        : {}),
    })),
    ...(summary ? { executiveSummary: { model: summary.model, endpoint: summary.host, reasoning: summary.reasoning, sha256: sha256(summary.text) } } : {}),
    text: { question: assessment.question, executiveSummary: summary?.text },
  };
}
