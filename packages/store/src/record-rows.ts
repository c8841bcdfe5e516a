import type { Assessment } from "@kyocho/core";
import type { AssessmentRecord, AssessmentRecordInput, SignoffRecord } from "./assessment-record.js";
import { StatusConflictError } from "./assessment-store.js";

/** A row of `assessments` as both drivers return it (PostgreSQL and SQLite alike: text and integers). */
export interface AssessmentRow {
  id: string;
  as_of: string | null;
  question: string;
  case_sha256: string | null;
  policy_id: string;
  policy_version: string | null;
  policy_sha256: string;
  status: string;
  rating: string | null;
  decision: string | null;
  incomplete: number | null;
  assessment_json: string | null;
  requested_by: string;
  supersedes: string | null;
  created_at: string;
  updated_at: string;
}

export interface SignoffRow {
  assessment_id: string;
  signer: string;
  role: string;
  decision: string;
  conditions_json: string;
  reason: string | null;
  signed_at: string;
}

export const ASSESSMENT_COLUMNS = [
  "id",
  "as_of",
  "question",
  "case_sha256",
  "policy_id",
  "policy_version",
  "policy_sha256",
  "status",
  "rating",
  "decision",
  "incomplete",
  "assessment_json",
  "requested_by",
  "supersedes",
  "created_at",
  "updated_at",
] as const;

/** Insert, or update all but `created_at` and `requested_by`; `?` placeholders, in ASSESSMENT_COLUMNS order. */
export const UPSERT_ASSESSMENT = `INSERT INTO assessments (${ASSESSMENT_COLUMNS.join(", ")}) VALUES (${ASSESSMENT_COLUMNS.map(() => "?").join(", ")})
  ON CONFLICT (id) DO UPDATE SET ${ASSESSMENT_COLUMNS.filter((c) => c !== "id" && c !== "created_at" && c !== "requested_by")
    .map((c) => `${c} = excluded.${c}`)
    .join(", ")}`;

export const INSERT_SIGNOFF = `INSERT INTO signoffs (assessment_id, signer, role, decision, conditions_json, reason, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`;

export const SUPERSEDED_BY = `SELECT * FROM assessments WHERE supersedes = ? ORDER BY created_at, id`;

export const SIGNOFF_COUNT = `SELECT COUNT(*) AS n FROM signoffs WHERE assessment_id = ?`;

/** Another sign-off landed between reading the record and signing: this signature is no longer the one needed. */
export function signoffsMoved(assessmentId: string, found: number, expected: number): StatusConflictError {
  return new StatusConflictError(assessmentId, undefined, `assessment ${assessmentId} is already signed: ${found} sign-off(s) where ${expected} were expected`);
}

export function assessmentParams(record: AssessmentRecordInput, now: string): unknown[] {
  const a: Assessment | undefined = record.assessment;
  const row: AssessmentRow = {
    id: record.id,
    as_of: record.asOf ?? null,
    question: record.question,
    case_sha256: record.caseSha256 ?? null,
    policy_id: record.policy.id,
    policy_version: record.policy.version ?? null,
    policy_sha256: record.policy.sha256,
    status: record.status,
    rating: a?.rating ?? null,
    decision: a?.decision ?? null,
    incomplete: a === undefined ? null : a.incomplete ? 1 : 0,
    assessment_json: a === undefined ? null : JSON.stringify(a),
    requested_by: record.requestedBy,
    supersedes: record.supersedes ?? null,
    created_at: now,
    updated_at: now,
  };
  return ASSESSMENT_COLUMNS.map((c) => row[c]);
}

export function signoffParams(s: SignoffRecord): unknown[] {
  return [s.assessmentId, s.signer, s.role, s.decision, JSON.stringify(s.conditions), s.reason ?? null, s.signedAt];
}

export function recordFromRow(row: AssessmentRow): AssessmentRecord {
  return {
    id: row.id,
    asOf: row.as_of ?? undefined,
    question: row.question,
    caseSha256: row.case_sha256 ?? undefined,
    policy: { id: row.policy_id, version: row.policy_version ?? undefined, sha256: row.policy_sha256 },
    status: row.status,
    rating: row.rating ?? undefined,
    decision: row.decision ?? undefined,
    incomplete: row.incomplete === null ? undefined : Number(row.incomplete) === 1,
    assessment: row.assessment_json === null ? undefined : (JSON.parse(row.assessment_json) as Assessment),
    requestedBy: row.requested_by,
    supersedes: row.supersedes ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function signoffFromRow(row: SignoffRow): SignoffRecord {
  return {
    assessmentId: row.assessment_id,
    signer: row.signer,
    role: row.role,
    decision: row.decision,
    conditions: JSON.parse(row.conditions_json) as string[],
    reason: row.reason ?? undefined,
    signedAt: row.signed_at,
  };
}

/** The filter as SQL: `?` placeholders and their values. */
export function listQuery(filter: { status?: string | undefined; since?: string | undefined; limit?: number | undefined }): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status !== undefined) {
    where.push("status = ?");
    params.push(filter.status);
  }
  if (filter.since !== undefined) {
    where.push("created_at >= ?");
    params.push(filter.since);
  }
  params.push(filter.limit ?? 1000);
  return { sql: `SELECT * FROM assessments${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at DESC, id LIMIT ?`, params };
}

/** The distinct, non-null case hashes created at or after `since` (as `listQuery` reads it): one column, no record. */
export function caseHashesQuery(filter: { since?: string | undefined }): { sql: string; params: unknown[] } {
  const since = filter.since === undefined ? "" : " AND created_at >= ?";
  return {
    sql: `SELECT DISTINCT case_sha256 FROM assessments WHERE case_sha256 IS NOT NULL${since}`,
    params: filter.since === undefined ? [] : [filter.since],
  };
}
