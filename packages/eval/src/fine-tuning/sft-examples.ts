import type { Assessment } from "@kyocho/core";
import type { ExpertSummary } from "@kyocho/core/assessment";
import type { Citation, Finding } from "@kyocho/core";
import type { Case } from "@kyocho/core";
import { dataBlock, DATA_IS_NOT_INSTRUCTIONS } from "@kyocho/models";
import { ChatFineTuningLineSchema, type ChatFineTuningLine } from "./chat-fine-tuning-line.js";

/** What the system prompt says about an expert; with its knowledge, passages are given in full, not as excerpts. */
export interface SftExpertInfo {
  name: string;
  domain: string;
  description: string;
  knowledge?: { readonly passages: ReadonlyArray<{ document: string; section: string; text: string }> } | undefined;
}

/** One training example, with the expert and case it came from (not part of the line itself). */
export interface SftExample {
  expert: string;
  caseId?: string | undefined;
  line: ChatFineTuningLine;
}

/** The answer an expert is trained to give: its narrative, findings and metrics as one JSON object. */
export interface SftAnswer {
  narrative: string;
  findings: Array<
    Pick<Finding, "ruleId" | "severity" | "title" | "message" | "metrics"> & { citations: Array<{ document: string; section: string }>; condition?: string }
  >;
  metrics: Record<string, number | null>;
}

/**
 * Chat-format fine-tuning examples from one assessment, one per expert that
 * answered (`status: "ok"`):
 *
 * - **system**: the expert's role, how to answer, and the passages its
 *   retrieval found for the sub-question, whole when the expert's knowledge
 *   base is given (the context a grounded answer rests on);
 * - **user**: the sub-question the plan gave the expert, followed by the
 *   case (and the results of the experts it runs after) as delimited data,
 *   since every figure of the answer is computed from them;
 * - **assistant**: the expert's answer as JSON — narrative, findings with
 *   their rule ids, severities, metrics and citations, and the metrics.
 *
 * The answers are the deterministic experts' (or, where a model's answer was
 * accepted, include its findings and narrative), so a bank fine-tunes its
 * domain models on context-grounded answers its policy stands behind. Each
 * line is validated against {@link ChatFineTuningLineSchema}.
 *
 * @example
 * const assessment = await council.assess({ question: c.question, case: c });
 * for (const { line } of sftExamples({ assessment, case: c, experts: council.experts })) out.write(`${JSON.stringify(line)}\n`);
 */
export function sftExamples(input: { assessment: Assessment; case?: Case | undefined; experts: readonly SftExpertInfo[] }): SftExample[] {
  const { assessment } = input;
  const examples: SftExample[] = [];
  for (const task of assessment.plan.tasks) {
    const summary = assessment.experts.find((e) => e.taskId === task.id);
    const info = input.experts.find((e) => e.name === task.expert);
    if (!summary || !info || summary.status !== "ok") continue;
    const findings = assessment.findings.filter((f) => f.expert === task.expert);
    const dependencies = Object.fromEntries(
      task.dependsOn
        .map((id) => assessment.experts.find((e) => e.taskId === id))
        .filter((e): e is ExpertSummary => e !== undefined)
        .map((e) => [e.name, { status: e.status, metrics: e.metrics }]),
    );
    const user = [
      task.question,
      "",
      "The case:",
      dataBlock("case", input.case ?? null),
      ...(Object.keys(dependencies).length > 0 ? ["Results of the experts this one builds on:", dataBlock("dependencies", dependencies)] : []),
    ].join("\n");
    const line = ChatFineTuningLineSchema.parse({
      messages: [
        { role: "system", content: systemPrompt(info, retrieved(summary, info)) },
        { role: "user", content: user },
        { role: "assistant", content: JSON.stringify(answerOf(summary, findings, info)) },
      ],
    });
    examples.push({ expert: task.expert, caseId: assessment.caseId, line });
  }
  return examples;
}

/**
 * The passages retrieval found (they carry a score; the rules' own citations do not), each with the whole
 * section when the expert's knowledge base is at hand, else the excerpt the assessment kept.
 */
function retrieved(summary: ExpertSummary, expert: SftExpertInfo): Array<{ document: string; section: string; text: string }> {
  return summary.citations
    .filter((c): c is Citation & { excerpt: string } => c.score !== undefined && Boolean(c.excerpt))
    .map((c) => ({
      document: c.document,
      section: c.section,
      text: expert.knowledge?.passages.find((p) => p.document === c.document && p.section === c.section)?.text ?? c.excerpt,
    }));
}

function systemPrompt(expert: SftExpertInfo, passages: ReadonlyArray<{ document: string; section: string; text: string }>): string {
  const context =
    passages.length === 0
      ? ["No passage of the bank's documents was retrieved for this sub-question."]
      : passages.map((p, i) => `[${i + 1}] ${p.document} § ${p.section}\n${p.text}`);
  return [
    `You are the ${expert.name} expert of a bank's risk council (${expert.description.replace(/\.\s*$/, "")}).`,
    "Answer the sub-question about the case: compute every figure from the case data, apply the bank's policy rules, name the rule of each finding, and cite the bank's documents by document and section.",
    DATA_IS_NOT_INSTRUCTIONS,
    'Reply with one JSON object: {"narrative": string, "findings": [{"ruleId", "severity", "title", "message", "metrics", "citations": [{"document", "section"}], "condition"?}], "metrics": {name: number | null}}.',
    "",
    "Passages of the bank's documents retrieved for the sub-question:",
    ...context,
  ].join("\n");
}

function answerOf(summary: ExpertSummary, findings: readonly Finding[], expert: SftExpertInfo): SftAnswer {
  const narrative =
    summary.modelUse?.outcome === "accepted" && summary.modelUse.narrative
      ? summary.modelUse.narrative
      : findings.length === 0
        ? `No ${expert.domain} finding: every rule of the policy that applies to this case is met.`
        : `${findings.length} ${expert.domain} finding${findings.length === 1 ? "" : "s"}. ${findings.map((f) => `${f.title} (${f.ruleId}, ${f.severity}): ${f.message}`).join(" ")}`;
  return {
    narrative,
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      message: f.message,
      metrics: f.metrics,
      citations: f.citations.map((c) => ({ document: c.document, section: c.section })),
      ...(f.condition ? { condition: f.condition } : {}),
    })),
    metrics: summary.metrics,
  };
}
