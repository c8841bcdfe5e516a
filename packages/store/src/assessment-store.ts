import type { BaseCheckpointSaver } from "@langchain/langgraph";
import type { AssessmentRecord, AssessmentRecordInput, AssessmentStatus, SignoffRecord } from "./assessment-record.js";

export interface AssessmentFilter {
  status?: AssessmentStatus | undefined;
  /** ISO date or timestamp: records created at or after it. */
  since?: string | undefined;
  /** Newest first; default 1000. */
  limit?: number | undefined;
}

/** A status change made only if the record still has one of the `from` statuses (a compare-and-set). */
export interface StatusChange {
  from: ReadonlyArray<AssessmentStatus>;
  to: AssessmentStatus;
}

/**
 * A sign-off's condition on the record, checked under the record's lock:
 * the status moves from one of `from` to `to` (`to` may equal it), and, with
 * `signoffsBefore`, exactly that many sign-offs were there before this one —
 * so two people supplying the same required signature at the same moment
 * cannot both land.
 */
export interface SignoffCondition extends StatusChange {
  signoffsBefore?: number | undefined;
}

/**
 * The durable record of assessments and their sign-offs, and the LangGraph
 * checkpointer of the council runs, on one database. Two back-ends with the
 * same schema and behaviour: SQLite (embedded, the default) and PostgreSQL.
 */
export interface AssessmentStore {
  readonly backend: "sqlite" | "postgres";
  /** Where the data lives, for messages: a file path, or the PostgreSQL URL without its password. */
  readonly location: string;
  /**
   * Inserts the record, or updates an existing one with the same id (all but
   * `createdAt` and `requestedBy`, which stay as first recorded). Rating,
   * decision and incompleteness are read from `assessment` when given.
   */
  save(record: AssessmentRecordInput): Promise<AssessmentRecord>;
  get(id: string): Promise<AssessmentRecord | undefined>;
  list(filter?: AssessmentFilter): Promise<AssessmentRecord[]>;
  /**
   * The distinct case SHA-256s of the records created at or after
   * `filter.since` (as {@link AssessmentFilter.since}), records without one
   * left out, in no set order. Only that column is read, and it streams:
   * memory holds one page of hashes (PostgreSQL, through a cursor) or one row
   * (SQLite), never the records, so a what-if over a large store stays small.
   * Finish or leave the loop before other calls on a SQLite store: its
   * connection is busy with the query until then.
   */
  caseHashes(filter?: Pick<AssessmentFilter, "since">): AsyncIterable<string>;
  /** Sets the status if it is one of `change.from`; false (nothing written) when it is not or the record is missing. */
  setStatus(id: string, change: StatusChange): Promise<boolean>;
  /**
   * Records a sign-off and, when given, changes the status in the same
   * transaction. Throws {@link AlreadySignedError} when this signer has signed
   * this assessment, {@link StatusConflictError} when the status is no longer
   * one of `change.from` or another sign-off landed first (`signoffsBefore`);
   * nothing is written then.
   */
  addSignoff(signoff: Omit<SignoffRecord, "signedAt"> & { signedAt?: string | undefined }, change?: SignoffCondition): Promise<SignoffRecord>;
  signoffs(assessmentId: string): Promise<SignoffRecord[]>;
  /** The records whose `supersedes` names this id (a returned assessment re-run with a corrected case), oldest first. */
  supersededBy(id: string): Promise<AssessmentRecord[]>;
  /** The checkpointer of the council graph on this database (thread id = assessment id); created on first use. */
  checkpointer(): Promise<BaseCheckpointSaver>;
  close(): Promise<void>;
}

export class AlreadySignedError extends Error {
  constructor(
    readonly assessmentId: string,
    readonly signer: string,
  ) {
    super(`${signer} has already signed assessment ${assessmentId}`);
    this.name = "AlreadySignedError";
  }
}

export class StatusConflictError extends Error {
  constructor(
    readonly assessmentId: string,
    readonly status: AssessmentStatus | undefined,
    reason?: string,
  ) {
    super(reason ?? (status === undefined ? `no assessment ${assessmentId}` : `assessment ${assessmentId} is ${status}, no longer open to this sign-off`));
    this.name = "StatusConflictError";
  }
}
