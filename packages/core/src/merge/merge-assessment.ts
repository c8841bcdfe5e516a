import type { Assessment, ExpertSummary, MissingItem } from "../assessment/assessment-schema.js";
import { stricterDecision } from "../assessment/decision.js";
import type { ExpertResult } from "../assessment/expert-result.js";
import { DATA_GAP_RULE_ID, type Finding } from "../assessment/finding.js";
import { compareSeverity, maxSeverity, toRating, type Rating, type Severity } from "../assessment/severity.js";
import { hasCaseData, type Case } from "../case/case-schema.js";
import type { Plan } from "../plan/plan-schema.js";
import type { Policy } from "../policy/policy-schema.js";

export interface MergeInput {
  assessmentId: string;
  question?: string | undefined;
  case?: Case | undefined;
  plan: Plan;
  /** Every task's result, keyed by task id, exactly as the experts returned them. */
  results: Readonly<Record<string, ExpertResult>>;
  policy: Policy;
}

/**
 * Merges the experts' results into one assessment. Deterministic: the rating
 * is the highest domain rating, the decision comes from the policy's merge
 * table, and an incomplete assessment (a data gap, a required expert that
 * failed or was skipped, or no case data) is lifted to the policy's floor —
 * never an approval.
 *
 * @example
 * const assessment = mergeAssessment({ assessmentId, plan, results, policy, case: c });
 */
export function mergeAssessment(input: MergeInput): Assessment {
  const { plan, results, policy } = input;
  const ordered = plan.tasks.map((task) => results[task.id]).filter((r): r is ExpertResult => r !== undefined);

  const findings = ordered
    .flatMap((r) => r.findings)
    .sort((a, b) => compareSeverity(b.severity, a.severity) || a.domain.localeCompare(b.domain) || a.ruleId.localeCompare(b.ruleId));

  const domainRatings = new Map<string, Severity>();
  for (const r of ordered) domainRatings.set(r.domain, domainRatings.get(r.domain) ?? "low");
  for (const f of findings) domainRatings.set(f.domain, maxSeverity(domainRatings.get(f.domain) ?? "low", f.severity));
  const domains = [...domainRatings].map(([domain, s]) => ({ domain, rating: toRating(s) }));
  const rating: Rating = domains.reduce<Rating>((acc, d) => toRating(maxSeverity(acc, d.rating)), "low");

  const missing = collectMissing(input, ordered, findings);
  const incomplete = missing.length > 0;
  const byRating = policy.merge.decisions[rating];
  const decision = incomplete ? stricterDecision(byRating, policy.merge.incompleteFloor) : byRating;

  const conditions = [
    ...new Set(findings.filter((f) => compareSeverity(f.severity, "medium") >= 0 && f.condition).map((f) => f.condition!)),
  ];

  const reasons = [`rating ${rating} → ${byRating} (policy ${policy.id})`];
  if (incomplete && decision !== byRating) reasons.push(`incomplete evidence → ${decision}: ${missing.map((m) => m.message).join("; ")}`);
  else if (incomplete) reasons.push(`incomplete evidence: ${missing.map((m) => m.message).join("; ")}`);
  for (const r of ordered) {
    if (r.role === "advisory" && r.status !== "ok") reasons.push(`advisory expert ${r.expert} ${r.status}; not counted as missing evidence`);
  }

  const experts: ExpertSummary[] = plan.tasks.map((task) => {
    const r = results[task.id];
    return {
      name: task.expert,
      taskId: task.id,
      domain: r?.domain ?? task.expert,
      role: task.role,
      status: r?.status ?? "skipped",
      findings: r?.findings.length ?? 0,
      ...(r?.latencyMs !== undefined ? { latencyMs: r.latencyMs } : {}),
      ...(r?.model ? { model: r.model } : {}),
      ...(r?.modelUse ? { modelUse: r.modelUse } : {}),
      ...(r?.error ? { error: r.error } : {}),
      citations: r?.citations ?? [],
      notes: r?.notes ?? [],
      metrics: r?.metrics ?? {},
    };
  });

  return {
    id: input.assessmentId,
    ...(input.case?.id ? { caseId: input.case.id } : {}),
    ...(input.question ? { question: input.question } : {}),
    rating,
    decision,
    incomplete,
    summary: summarise(rating, decision, findings, experts, missing),
    reasons,
    missing,
    domains,
    findings,
    conditions,
    plan,
    experts,
    policy: { id: policy.id, name: policy.name, ...(policy.version ? { version: policy.version } : {}) },
  };
}

function collectMissing(input: MergeInput, ordered: ExpertResult[], findings: Finding[]): MissingItem[] {
  const missing: MissingItem[] = [];
  if (!hasCaseData(input.case)) {
    missing.push({ kind: "no_case_data", message: "no case data: the assessment rests on the question alone" });
  }
  for (const task of input.plan.tasks) {
    const r = input.results[task.id];
    if (task.role !== "required") continue;
    if (!r || r.status === "skipped") {
      missing.push({
        kind: "expert_skipped",
        expert: task.expert,
        message: `${task.expert} skipped${r?.error ? ` (${r.error.message})` : ""}`,
      });
    } else if (r.status === "failed") {
      missing.push({
        kind: "expert_failed",
        expert: task.expert,
        message: `${task.expert} failed (${r.error?.code ?? "ERROR"}: ${r.error?.message ?? "no detail"})`,
      });
    }
  }
  for (const f of findings) {
    if (f.ruleId !== DATA_GAP_RULE_ID) continue;
    missing.push({
      kind: "data_gap",
      expert: f.expert,
      ...(f.fields ? { fields: f.fields } : {}),
      message: `${f.expert} data gap: ${f.fields?.join(", ") ?? f.message}`,
    });
  }
  void ordered;
  return missing;
}

function summarise(rating: Rating, decision: string, findings: Finding[], experts: ExpertSummary[], missing: MissingItem[]): string {
  const counts = (["critical", "high", "medium", "low", "info"] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const ok = experts.filter((e) => e.status === "ok").length;
  let text = `Rating ${rating}, decision ${decision}. ${findings.length} finding${findings.length === 1 ? "" : "s"}${counts.length ? ` (${counts.join(", ")})` : ""} from ${ok} of ${experts.length} expert${experts.length === 1 ? "" : "s"}.`;
  if (missing.length > 0) text += ` Incomplete: ${missing.map((m) => m.message).join("; ")}.`;
  return text;
}
