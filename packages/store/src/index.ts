/**
 * @kyocho/store — durable assessments: the record of each assessment and its
 * sign-offs, and the council's LangGraph checkpointer, on SQLite (embedded,
 * `.kyocho/kyocho.db`, the default) or PostgreSQL (`KYOCHO_DATABASE_URL`).
 */
export type { AssessmentRecord, AssessmentRecordInput, AssessmentStatus, SignoffRecord } from "./assessment-record.js";
export {
  AlreadySignedError,
  StatusConflictError,
  type AssessmentFilter,
  type AssessmentStore,
  type SignoffCondition,
  type StatusChange,
} from "./assessment-store.js";
export { MIGRATIONS } from "./migrations.js";
export { DEFAULT_SQLITE_PATH, openStore, StoreLocationError, type StoreLocation } from "./open-store.js";
export { openSqliteStore } from "./sqlite-store.js";
export { openPostgresStore, type PostgresStoreOptions } from "./postgres-store.js";
export { caseSha256, recordFinished, runningRecord } from "./record-lifecycle.js";
