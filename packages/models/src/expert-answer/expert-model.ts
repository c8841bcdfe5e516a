import type { AuditSink } from "@kyocho/core";
import type { ExpertResult } from "@kyocho/core";
import { DATA_CONFLICT_RULE_ID, DATA_GAP_RULE_ID, DATA_NEEDED_RULE_ID, FindingSchema } from "@kyocho/core/assessment";
import type { Citation, Finding } from "@kyocho/core";
import type { ModelUse } from "@kyocho/core/assessment";
import type { ExpertRequest } from "@kyocho/core";
import type { KnowledgeSource } from "@kyocho/core/expert";
import { expertPrompt } from "./expert-prompt.js";
import { checkGrounding, describeViolations, groundingFeedback, KnownNumbers } from "./grounding-check.js";
import { ModelAnswerSchema, modelAnswerJsonSchema, type ModelAnswer } from "./model-answer.js";
import type { ModelClient, ModelCompletion } from "@kyocho/core";
import { requestStructuredAnswer } from "../client/structured-answer.js";

export interface ExpertModelInput {
  expert: { name: string; domain: string; description: string };
  request: ExpertRequest;
  /** The deterministic result (status `ok`): what the model reviews, and what stands if it fails. */
  result: ExpertResult;
  /** The passages retrieved for the sub-question. */
  passages: readonly Citation[];
  /** The expert's knowledge base: a model may cite any of its sections, not only the retrieved ones. */
  knowledge?: KnowledgeSource | undefined;
}

export interface ExpertModelOptions {
  model: ModelClient;
  audit?: AuditSink | undefined;
  signal?: AbortSignal | undefined;
}

const RULE_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;
const RESERVED_RULE_IDS = new Set([DATA_GAP_RULE_ID, DATA_CONFLICT_RULE_ID, DATA_NEEDED_RULE_ID]);

/**
 * The model-backed expert path. Given the deterministic result, asks the
 * expert's model for `{ narrative, findings, confidence }` about the
 * sub-question, the case, the metrics, the rule findings and the retrieved
 * passages (all as delimited data, never as instructions), then:
 *
 * - validates it (one repair request for invalid JSON);
 * - checks it is grounded: every number it states must be one it was shown
 *   (within rounding) and every citation a section of the expert's documents;
 *   a violation is sent back once, by name, and a second one drops the answer;
 * - appends the model's findings, marked `source: "model"`, after the rule
 *   findings, which are never changed or dropped.
 *
 * Any failure — timeout, HTTP error, invalid or ungrounded answer, abort —
 * returns the deterministic result with a warning note and
 * `modelUse.outcome: "fallback"`. It never throws.
 *
 * @example
 * const result = await answerWithModel({ expert, request, result: deterministic, passages }, { model, audit });
 * result.findings.filter((f) => f.source === "model")
 */
export async function answerWithModel(input: ExpertModelInput, options: ExpertModelOptions): Promise<ExpertResult> {
  const { expert, request, result } = input;
  const { model, audit, signal } = options;
  const started = performance.now();
  let calls = 0;
  let lastCompletion: ModelCompletion | undefined;

  const finish = (
    outcome: "accepted" | "fallback",
    details: { reason?: string; answer?: ModelAnswer; findings?: Finding[]; completion?: ModelCompletion | undefined },
  ): ExpertResult => {
    const completion = details.completion ?? lastCompletion;
    const use: ModelUse = {
      model: completion?.model ?? model.info.model ?? "unknown",
      host: model.info.host,
      reasoning: model.info.reasoning,
      outcome,
      ...(details.reason ? { reason: details.reason } : {}),
      ...(details.answer ? { narrative: details.answer.narrative, confidence: details.answer.confidence } : {}),
      findingsAdded: details.findings?.length ?? 0,
      calls,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      ...(outcome === "accepted" && completion ? { responseSha256: completion.responseSha256 } : {}),
    };
    const mode = use.reasoning ? "reasoning on" : "reasoning off";
    const note =
      outcome === "accepted"
        ? `model ${use.model} at ${use.host} (${mode}): ${use.findingsAdded} finding(s) added, confidence ${details.answer!.confidence}`
        : `warning: model ${use.model} at ${use.host} (${mode}) not used: ${details.reason}; the deterministic result stands`;
    try {
      audit?.write({
        kind: "expert_answer",
        time: new Date().toISOString(),
        assessmentId: request.assessmentId,
        expert: expert.name,
        endpoint: use.host,
        model: use.model,
        reasoning: use.reasoning,
        outcome,
        ...(use.reason ? { reason: use.reason } : {}),
        findingsAdded: use.findingsAdded,
        calls,
        latencyMs: use.latencyMs,
        ...(use.responseSha256 ? { responseSha256: use.responseSha256 } : {}),
      });
    } catch (error) {
      // Without its audit line a model answer may not be used.
      if (outcome === "accepted") return finish("fallback", { reason: `audit log not written (${(error as Error).message})` });
    }
    return {
      ...result,
      findings: [...result.findings, ...(details.findings ?? [])],
      notes: [...result.notes, note],
      model: use.model,
      modelUse: use,
    };
  };

  // Without context no retrieved passage is shown (sections of the expert's documents stay citable by name).
  const passages = model.info.context === false ? [] : input.passages;
  try {
    const { turns, data } = expertPrompt({
      expert,
      question: request.task.question,
      case: request.case,
      result,
      policy: request.policy.experts[expert.name],
      dependencies: request.dependencies,
      passages,
    });
    const known = KnownNumbers.from(data);
    const citable = (document: string, section: string) =>
      passages.some((p) => p.document === document && p.section === section) || (input.knowledge?.has(document, section) ?? false);
    const ask = (conversation: typeof turns, purpose: string) =>
      requestStructuredAnswer({
        model,
        turns: conversation,
        schema: ModelAnswerSchema,
        jsonSchema: { name: "expert_answer", schema: modelAnswerJsonSchema() },
        context: { assessmentId: request.assessmentId, caller: expert.name, purpose },
        signal,
        audit,
      });

    let answer = await ask(turns, "answer");
    calls += answer.calls;
    lastCompletion = answer.completion;
    if (!answer.ok) return finish("fallback", { reason: answer.reason });

    const violations = checkGrounding(answer.value, known, citable);
    if (violations.length > 0) {
      const retry = await ask(
        [...answer.turns, { role: "assistant", content: answer.completion.text }, { role: "user", content: groundingFeedback(violations) }],
        "grounding",
      );
      calls += retry.calls;
      lastCompletion = retry.completion ?? lastCompletion;
      if (!retry.ok) return finish("fallback", { reason: `ungrounded answer (${describeViolations(violations)}), and the retry failed: ${retry.reason}` });
      const again = checkGrounding(retry.value, known, citable);
      if (again.length > 0) return finish("fallback", { reason: `ungrounded answer after a retry: ${describeViolations(again)}` });
      answer = retry;
    }

    const findings = toFindings(answer.value, expert, passages, input.knowledge);
    return finish("accepted", { answer: answer.value, findings, completion: answer.completion });
  } catch (error) {
    return finish("fallback", { reason: `model path failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` });
  }
}

function toFindings(answer: ModelAnswer, expert: ExpertModelInput["expert"], passages: readonly Citation[], knowledge: KnowledgeSource | undefined): Finding[] {
  return answer.findings.map((f, i) => {
    const ruleId = f.ruleId?.trim().toUpperCase();
    return FindingSchema.parse({
      // A model may relate a finding to a policy rule, but never use an id the merge gives a meaning (DATA-GAP).
      ruleId: ruleId && RULE_ID.test(ruleId) && !RESERVED_RULE_IDS.has(ruleId) ? ruleId : `${expert.name.toUpperCase()}-MODEL-${i + 1}`,
      expert: expert.name,
      domain: expert.domain,
      severity: f.severity,
      title: f.title,
      message: f.message,
      metrics: {},
      citations: f.citations.map((c) => {
        const excerpt =
          passages.find((p) => p.document === c.document && p.section === c.section)?.excerpt ??
          shorten(knowledge?.passages.find((p) => p.document === c.document && p.section === c.section)?.text);
        return excerpt ? { document: c.document, section: c.section, excerpt } : { document: c.document, section: c.section };
      }),
      source: "model",
    });
  });
}

function shorten(text: string | undefined, max = 280): string | undefined {
  if (!text) return undefined;
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
