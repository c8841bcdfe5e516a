import type { Assessment } from "@kyocho/core";

/**
 * Where an assessment stands. `running` until the council finishes (a crashed
 * run stays `running` and is resumed from its checkpoint), then `completed`;
 * the sign-off statuses are set by the sign-off code, which may add its own.
 */
export type AssessmentStatus = "running" | "completed" | "awaiting_signoff" | "approved" | "declined" | "returned" | (string & {});

/** The record of one assessment: what was asked, under which policy, by whom, and what the council recommended. */
export interface AssessmentRecord {
  /** The assessment id, also the LangGraph thread id of its checkpoints. */
  id: string;
  asOf: string | undefined;
  question: string;
  /** SHA-256 of the case as assessed (its canonical JSON): the case itself is the customer's data and is not kept here. */
  caseSha256: string | undefined;
  policy: { id: string; version: string | undefined; sha256: string };
  status: AssessmentStatus;
  rating: string | undefined;
  decision: string | undefined;
  incomplete: boolean | undefined;
  /** The assessment as the council returned it; absent while `running`. */
  assessment: Assessment | undefined;
  requestedBy: string;
  /** The assessment this one replaces (a returned one re-run with a corrected case). */
  supersedes: string | undefined;
  /** ISO 8601 UTC. */
  createdAt: string;
  updatedAt: string;
}

/** What a caller gives to save a record; timestamps are the store's. */
export type AssessmentRecordInput = Omit<AssessmentRecord, "createdAt" | "updatedAt" | "rating" | "decision" | "incomplete" | "supersedes"> & {
  supersedes?: string | undefined;
};

/** One person's sign-off on an assessment; one per signer and assessment. */
export interface SignoffRecord {
  assessmentId: string;
  signer: string;
  role: string;
  decision: string;
  conditions: string[];
  reason: string | undefined;
  /** ISO 8601 UTC; the store's clock when not given. */
  signedAt: string;
}
