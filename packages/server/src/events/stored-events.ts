import type { Assessment } from "@kyocho/core";
import type { AssessmentRecord } from "@kyocho/store";

/** The `awaiting_signoff` event's data: the roles that may sign, the signatures in, the sign-off's status. */
export function awaitingSignoffData(assessment: Assessment) {
  const s = assessment.signoff!;
  return {
    required: s.required.eligibleRoles,
    role: s.required.role,
    requiredSignatures: s.required.signatures,
    signatures: s.signatures.length,
    status: s.status,
  };
}

/**
 * The events of an assessment that is not in memory (finished before the service started, or its log
 * dropped after a while), rebuilt from its stored record in the order a run emits them: the plan, each
 * expert started and finished, the merge, the summary, the sign-off's waiting and signatures, `end`.
 * Latencies are the recorded ones; events a stored assessment cannot tell (expert_facts) are left out.
 */
export function storedEvents(record: AssessmentRecord): Array<{ event: string; data: unknown }> {
  const a = record.assessment;
  // Running, but not in this process (another service, or one that stopped): nothing to stream; `end` says so at once
  // (status running), so a subscriber polls the record instead of waiting on a stream that no run feeds.
  if (!a) return [{ event: "end", data: { status: record.status } }];
  const out: Array<{ event: string; data: unknown }> = [{ event: "planned", data: { type: "planned", plan: a.plan } }];
  for (const e of a.experts) out.push({ event: "expert_started", data: { type: "expert_started", taskId: e.taskId, expert: e.name } });
  for (const e of a.experts)
    out.push({
      event: "expert_finished",
      data: { type: "expert_finished", taskId: e.taskId, expert: e.name, status: e.status, latencyMs: e.latencyMs, findings: e.findings },
    });
  out.push({ event: "merged", data: { type: "merged", rating: a.rating, decision: a.decision, incomplete: a.incomplete } });
  if (a.executiveSummary) out.push({ event: "summarised", data: { type: "summarised", written: true, model: a.executiveSummary.model } });
  if (a.signoff) {
    const waiting = { ...a, signoff: { ...a.signoff, signatures: [], status: "awaiting_signoff" as const } };
    out.push({ event: "awaiting_signoff", data: awaitingSignoffData(waiting) });
    a.signoff.signatures.forEach((_, i) =>
      out.push({
        event: "signed",
        data: {
          type: "signed",
          status: i === a.signoff!.signatures.length - 1 ? a.signoff!.status : "awaiting_signoff",
          signatures: i + 1,
          required: a.signoff!.required.signatures,
        },
      }),
    );
  }
  out.push({ event: "end", data: { status: record.status } });
  return out;
}
