import type { Assessment, ExpertSummary, MissingItem, Veto } from "../assessment/assessment-schema.js";
import { stricterDecision, type Decision } from "../assessment/decision.js";
import type { ExpertResult } from "../assessment/expert-result.js";
import { DATA_CONFLICT_RULE_ID, DATA_GAP_RULE_ID, type Finding } from "../assessment/finding.js";
import { compareSeverity, maxSeverity, toRating, type Rating, type Severity } from "../assessment/severity.js";
import { hasCaseData, type Case } from "../case/case-schema.js";
import type { Plan } from "../plan/plan-schema.js";
import type { Policy } from "../policy/policy-schema.js";
import { policyFingerprint } from "../policy/policy-fingerprint.js";

export interface MergeInput {
  assessmentId: string;
  question?: string | undefined;
  case?: Case | undefined;
  plan: Plan;
  /** Every task's result, keyed by task id, exactly as the experts returned them. */
  results: Readonly<Record<string, ExpertResult>>;
  policy: Policy;
  /**
   * Rule ids the council's experts declare as vetoes (legal: LEG-SANC,
   * LEG-ASF). Added to the policy's `merge.vetoes`; no policy can remove them.
   */
  vetoes?: readonly string[] | undefined;
  /** The date the assessment speaks for; printed in it. */
  asOf?: string | undefined;
}

/**
 * Merges the experts' results into one assessment. Deterministic, and in
 * this order of precedence:
 *
 * 1. a veto — a rule finding whose rule id the experts or the policy name a
 *    veto (sanctions, 反社) — declines the deal, whatever the table says;
 * 2. an incomplete assessment (a data gap or conflict, a required expert
 *    that failed or was skipped, or no case data) is lifted to the policy's
 *    floor — never an approval;
 * 3. otherwise the rating (the highest domain rating) maps to a decision
 *    through the policy's table.
 *
 * A model's own findings are capped at `modelFindings.maxSeverity`, and a
 * decline that only a model's finding would cause is held at `escalate`:
 * a model can raise concern, never decline a deal or lower anything alone.
 *
 * @example
 * const assessment = mergeAssessment({ assessmentId, plan, results, policy, case: c, vetoes: ["LEG-SANC"] });
 */
export function mergeAssessment(input: MergeInput): Assessment {
  const { plan, results, policy } = input;
  const ordered = plan.tasks.map((task) => results[task.id]).filter((r): r is ExpertResult => r !== undefined);
  const reasons: string[] = [];

  const vetoIds = new Set([...(input.vetoes ?? []), ...policy.merge.vetoes]);
  const isVeto = (f: Finding) => f.source !== "model" && vetoIds.has(f.ruleId);
  const cap = policy.modelFindings.maxSeverity;
  const findings = ordered
    .flatMap((r) => r.findings)
    .map((f) => {
      if (f.source !== "model" || compareSeverity(f.severity, cap) <= 0) return f;
      reasons.push(`model finding ${f.ruleId} (${f.expert}) capped from ${f.severity} to ${cap} by the policy (modelFindings.maxSeverity)`);
      return { ...f, severity: cap };
    })
    // Vetoes first, so their findings and conditions lead every list; then by severity.
    .sort(
      (a, b) =>
        Number(isVeto(b)) - Number(isVeto(a)) ||
        compareSeverity(b.severity, a.severity) ||
        a.domain.localeCompare(b.domain) ||
        a.ruleId.localeCompare(b.ruleId),
    );

  const rating = overallRating(ordered, findings);
  const domains = [...domainRatings(ordered, findings)].map(([domain, s]) => ({ domain, rating: toRating(s) }));
  const ruleRating = overallRating(
    ordered,
    findings.filter((f) => f.source !== "model"),
  );

  const vetoes: Veto[] = findings.filter(isVeto).map((f) => ({
    ruleId: f.ruleId,
    expert: f.expert,
    title: f.title,
    message: f.message,
    ...(f.ja ? { ja: { title: f.ja.title, message: f.ja.message } } : {}),
  }));

  const missing = collectMissing(input, findings);
  const incomplete = missing.length > 0;
  let byRating: Decision = policy.merge.decisions[rating];
  if (byRating === "decline" && policy.merge.decisions[ruleRating] !== "decline") {
    byRating = "escalate";
    reasons.push(`only a model finding rates this ${rating}; a model alone may not decline → escalate`);
  }
  let decision = incomplete ? stricterDecision(byRating, policy.merge.incompleteFloor) : byRating;
  if (vetoes.length > 0) decision = "decline";

  reasons.unshift(
    ...vetoes.map((v) => `veto ${v.ruleId} (${v.title}) → decline: ${v.message}`),
    `rating ${rating} → ${policy.merge.decisions[rating]} (policy ${policy.id})`,
  );
  if (incomplete && decision !== byRating && vetoes.length === 0)
    reasons.push(`incomplete evidence → ${decision}: ${missing.map((m) => m.message).join("; ")}`);
  else if (incomplete) reasons.push(`incomplete evidence: ${missing.map((m) => m.message).join("; ")}`);
  for (const r of ordered) {
    if (r.role === "advisory" && r.status !== "ok") reasons.push(`advisory expert ${r.expert} ${r.status}; not counted as missing evidence`);
  }

  const conditions = [...new Set(findings.filter((f) => compareSeverity(f.severity, "medium") >= 0 && f.condition).map((f) => f.condition!))];

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
    ...((input.asOf ?? input.case?.asOf) ? { asOf: (input.asOf ?? input.case?.asOf)! } : {}),
    rating,
    decision,
    incomplete,
    vetoes,
    summary: summarise(rating, decision, findings, experts, missing, vetoes),
    reasons,
    missing,
    domains,
    findings,
    conditions,
    plan,
    experts,
    // The SHA-256 names the exact thresholds applied, so two runs under files with the same id and version can still be told apart.
    policy: { id: policy.id, name: policy.name, ...(policy.version ? { version: policy.version } : {}), sha256: policyFingerprint(policy).sha256 },
  };
}

/** Each domain's rating: its highest finding, `low` for an expert that reported none. */
function domainRatings(ordered: readonly ExpertResult[], findings: readonly Finding[]): Map<string, Severity> {
  const ratings = new Map<string, Severity>();
  for (const r of ordered) ratings.set(r.domain, ratings.get(r.domain) ?? "low");
  for (const f of findings) ratings.set(f.domain, maxSeverity(ratings.get(f.domain) ?? "low", f.severity));
  return ratings;
}

function overallRating(ordered: readonly ExpertResult[], findings: readonly Finding[]): Rating {
  return [...domainRatings(ordered, findings).values()].reduce<Rating>((acc, s) => toRating(maxSeverity(acc, s)), "low");
}

function collectMissing(input: MergeInput, findings: Finding[]): MissingItem[] {
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
    // A model may not use these ids (see answerWithModel); checking the source as well keeps the merge safe on its own.
    if (f.source === "model" || (f.ruleId !== DATA_GAP_RULE_ID && f.ruleId !== DATA_CONFLICT_RULE_ID)) continue;
    const conflict = f.ruleId === DATA_CONFLICT_RULE_ID;
    missing.push({
      kind: conflict ? "data_conflict" : "data_gap",
      expert: f.expert,
      ...(f.fields ? { fields: f.fields } : {}),
      message: `${f.expert} ${conflict ? "data conflict" : "data gap"}: ${f.fields?.join(", ") ?? f.message}`,
    });
  }
  return missing;
}

function summarise(rating: Rating, decision: string, findings: Finding[], experts: ExpertSummary[], missing: MissingItem[], vetoes: Veto[]): string {
  const counts = (["critical", "high", "medium", "low", "info"] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const ok = experts.filter((e) => e.status === "ok").length;
  let text = vetoes.length > 0 ? `Declined by veto (${[...new Set(vetoes.map((v) => v.ruleId))].join(", ")}). ` : "";
  text += `Rating ${rating}, decision ${decision}. ${findings.length} finding${findings.length === 1 ? "" : "s"}${counts.length ? ` (${counts.join(", ")})` : ""} from ${ok} of ${experts.length} expert${experts.length === 1 ? "" : "s"}.`;
  if (missing.length > 0) text += ` Incomplete: ${missing.map((m) => m.message).join("; ")}.`;
  return text;
}
