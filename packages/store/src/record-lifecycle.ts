import { createHash } from "node:crypto";
import { policyFingerprint, type Assessment, type Case, type Policy } from "@kyocho/core";
import { stableStringify } from "@kyocho/core/assessment";
import type { AssessmentRecord } from "./assessment-record.js";
import type { AssessmentStore } from "./assessment-store.js";

/** The SHA-256 of the case's canonical JSON: it names the case in the record without keeping the customer's data. */
export function caseSha256(c: Case | undefined): string | undefined {
  return c === undefined ? undefined : createHash("sha256").update(stableStringify(c)).digest("hex");
}

/** The record of an assessment as first saved, before its run (by `kyocho ask` and by the HTTP service alike). */
export function runningRecord(input: { id: string; question: string; case: Case | undefined; policy: Policy; requestedBy: string }) {
  const fingerprint = policyFingerprint(input.policy);
  return {
    id: input.id,
    asOf: input.case?.asOf,
    question: input.question,
    caseSha256: caseSha256(input.case),
    policy: { id: fingerprint.id, version: fingerprint.version, sha256: fingerprint.sha256 },
    status: "running" as const,
    assessment: undefined,
    requestedBy: input.requestedBy,
  };
}

/**
 * Saves the finished assessment: `completed` when the record was still
 * `running`. A record the sign-off has moved on (awaiting, approved, …) keeps
 * its status: re-running an assessment never reopens a decided one.
 */
export async function recordFinished(store: AssessmentStore, record: AssessmentRecord, assessment: Assessment): Promise<AssessmentRecord> {
  // A recommendation that needs sign-off waits for it; the sign-off moves the status on from there.
  const status = record.status === "running" ? (assessment.signoff?.status ?? "completed") : record.status;
  return store.save({ ...record, status, assessment });
}
