import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import type { AssessmentRecord, SignoffRecord } from "./assessment-record.js";
import { AlreadySignedError, StatusConflictError, type AssessmentStore, type StatusChange } from "./assessment-store.js";
import { CREATE_MIGRATIONS_TABLE, MIGRATIONS } from "./migrations.js";
import {
  SIGNOFF_COUNT,
  SUPERSEDED_BY,
  signoffsMoved,
  assessmentParams,
  INSERT_SIGNOFF,
  listQuery,
  caseHashesQuery,
  recordFromRow,
  signoffFromRow,
  signoffParams,
  UPSERT_ASSESSMENT,
  type AssessmentRow,
  type SignoffRow,
} from "./record-rows.js";

/**
 * The embedded store: one SQLite file holding the records and the
 * checkpoints (SqliteSaver on the same connection). WAL mode, so a reader
 * (`kyocho history`) never waits for a running assessment.
 */
export function openSqliteStore(path: string, options: { now?: () => Date } = {}): AssessmentStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db);
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  let saver: BaseCheckpointSaver | undefined;

  const get = (id: string): AssessmentRecord | undefined => {
    const row = db.prepare("SELECT * FROM assessments WHERE id = ?").get(id) as AssessmentRow | undefined;
    return row && recordFromRow(row);
  };
  const casStatus = (id: string, change: StatusChange): boolean => {
    if (change.from.length === 0) return false;
    const info = db
      .prepare(`UPDATE assessments SET status = ?, updated_at = ? WHERE id = ? AND status IN (${change.from.map(() => "?").join(", ")})`)
      .run(change.to, now(), id, ...change.from);
    return info.changes === 1;
  };

  return {
    backend: "sqlite",
    location: path,
    async save(record) {
      db.prepare(UPSERT_ASSESSMENT).run(...assessmentParams(record, now()));
      return get(record.id)!;
    },
    async get(id) {
      return get(id);
    },
    async list(filter = {}) {
      const { sql, params } = listQuery(filter);
      return (db.prepare(sql).all(...params) as AssessmentRow[]).map(recordFromRow);
    },
    async *caseHashes(filter = {}) {
      const { sql, params } = caseHashesQuery(filter);
      // `iterate` steps the statement row by row; leaving the loop early ends the statement (the for-of returns its iterator).
      for (const row of db.prepare(sql).iterate(...params) as IterableIterator<{ case_sha256: string }>) yield row.case_sha256;
    },
    async setStatus(id, change) {
      return casStatus(id, change);
    },
    async addSignoff(input, change) {
      const signoff: SignoffRecord = { ...input, signedAt: input.signedAt ?? now() };
      // IMMEDIATE: the write lock is taken before the status is read, so two signers cannot both see it open.
      db.transaction(() => {
        if (change && !casStatus(signoff.assessmentId, change)) throw new StatusConflictError(signoff.assessmentId, get(signoff.assessmentId)?.status);
        if (change?.signoffsBefore !== undefined) {
          const { n } = db.prepare(SIGNOFF_COUNT).get(signoff.assessmentId) as { n: number };
          if (Number(n) !== change.signoffsBefore) throw signoffsMoved(signoff.assessmentId, Number(n), change.signoffsBefore);
        }
        try {
          db.prepare(INSERT_SIGNOFF).run(...signoffParams(signoff));
        } catch (error) {
          if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") throw new AlreadySignedError(signoff.assessmentId, signoff.signer);
          if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_FOREIGNKEY") throw new StatusConflictError(signoff.assessmentId, undefined);
          throw error;
        }
      }).immediate();
      return signoff;
    },
    async signoffs(assessmentId) {
      return (db.prepare("SELECT * FROM signoffs WHERE assessment_id = ? ORDER BY signed_at, signer").all(assessmentId) as SignoffRow[]).map(signoffFromRow);
    },
    async supersededBy(id) {
      return (db.prepare(SUPERSEDED_BY).all(id) as AssessmentRow[]).map(recordFromRow);
    },
    async checkpointer() {
      if (!saver) {
        // Loaded on first use: a store opened to read history needs no LangGraph.
        const { SqliteSaver } = await import("@langchain/langgraph-checkpoint-sqlite");
        saver = new SqliteSaver(db);
      }
      return saver;
    },
    async close() {
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  db.exec(CREATE_MIGRATIONS_TABLE);
  db.transaction(() => {
    const applied = new Set((db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.sql) db.exec(statement);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}
