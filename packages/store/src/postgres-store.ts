import pg from "pg";
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

export interface PostgresStoreOptions {
  /** The schema holding kyocho's tables and checkpoints; default `public`. Created if missing. */
  schema?: string | undefined;
  now?: () => Date;
}

type Queryable = Pick<pg.PoolClient, "query">;

/** Case hashes fetched per round trip by `caseHashes`. */
const CASE_HASH_PAGE = 1000;

/** The shared SQL is written with `?`; PostgreSQL numbers its parameters. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * The production store: the records and the checkpoints (PostgresSaver,
 * which sets up its own tables) in one PostgreSQL schema. A sign-off takes
 * the record's row lock, so two approvers at the same moment serialise.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<AssessmentStore> {
  const schema = options.schema ?? "public";
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`schema must be a lower-case SQL identifier, got "${schema}"`);
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 4 });
  // An idle client losing its server is reported here rather than crashing the process; the next query fails with the cause.
  pool.on("error", () => undefined);
  try {
    await migrate(pool, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  let saver: Promise<BaseCheckpointSaver> | undefined;

  const query = async <R extends pg.QueryResultRow>(on: Queryable, sql: string, params: unknown[] = []) => (await on.query<R>(numbered(sql), params)).rows;
  const get = async (on: Queryable, id: string): Promise<AssessmentRecord | undefined> => {
    const [row] = await query<AssessmentRow>(on, "SELECT * FROM assessments WHERE id = ?", [id]);
    return row && recordFromRow(row);
  };
  const casStatus = async (on: Queryable, id: string, change: StatusChange): Promise<boolean> => {
    if (change.from.length === 0) return false;
    const result = await on.query(
      numbered(`UPDATE assessments SET status = ?, updated_at = ? WHERE id = ? AND status IN (${change.from.map(() => "?").join(", ")})`),
      [change.to, now(), id, ...change.from],
    );
    return result.rowCount === 1;
  };

  return {
    backend: "postgres",
    location: redacted(url),
    async save(record) {
      await query(pool, UPSERT_ASSESSMENT, assessmentParams(record, now()));
      return (await get(pool, record.id))!;
    },
    get: (id) => get(pool, id),
    async list(filter = {}) {
      const { sql, params } = listQuery(filter);
      return (await query<AssessmentRow>(pool, sql, params)).map(recordFromRow);
    },
    async *caseHashes(filter = {}) {
      const { sql, params } = caseHashesQuery(filter);
      // A cursor, fetched a page at a time: the server does the DISTINCT, the client holds one page.
      const client = await pool.connect();
      let failed: unknown;
      try {
        await client.query("BEGIN READ ONLY");
        await client.query(`DECLARE case_hashes NO SCROLL CURSOR FOR ${numbered(sql)}`, params);
        for (;;) {
          const { rows } = await client.query<{ case_sha256: string }>(`FETCH ${CASE_HASH_PAGE} FROM case_hashes`);
          for (const row of rows) yield row.case_sha256;
          if (rows.length < CASE_HASH_PAGE) break;
        }
      } catch (error) {
        failed = error;
        throw error;
      } finally {
        // Also on an early exit from the caller's loop: the transaction ends (closing the cursor) and the client goes back.
        // A client whose query failed is discarded rather than returned in an unknown state.
        await client.query("ROLLBACK").catch((error: unknown) => (failed ??= error));
        client.release(failed instanceof Error ? failed : undefined);
      }
    },
    setStatus: (id, change) => casStatus(pool, id, change),
    async addSignoff(input, change) {
      const signoff: SignoffRecord = { ...input, signedAt: input.signedAt ?? now() };
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        try {
          // The UPDATE takes the row lock: a second signer waits here, then sees the status the first one left.
          if (change && !(await casStatus(client, signoff.assessmentId, change)))
            throw new StatusConflictError(signoff.assessmentId, (await get(client, signoff.assessmentId))?.status);
          if (change?.signoffsBefore !== undefined) {
            // Read after the UPDATE's row lock: a sign-off committed while this one waited is counted.
            const [{ n } = { n: 0 }] = await query<{ n: string | number }>(client, SIGNOFF_COUNT, [signoff.assessmentId]);
            if (Number(n) !== change.signoffsBefore) throw signoffsMoved(signoff.assessmentId, Number(n), change.signoffsBefore);
          }
          await query(client, INSERT_SIGNOFF, signoffParams(signoff));
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          const code = (error as { code?: string }).code;
          if (code === "23505") throw new AlreadySignedError(signoff.assessmentId, signoff.signer);
          if (code === "23503") throw new StatusConflictError(signoff.assessmentId, undefined);
          throw error;
        }
      } finally {
        client.release();
      }
      return signoff;
    },
    async signoffs(assessmentId) {
      return (await query<SignoffRow>(pool, "SELECT * FROM signoffs WHERE assessment_id = ? ORDER BY signed_at, signer", [assessmentId])).map(signoffFromRow);
    },
    async supersededBy(id) {
      return (await query<AssessmentRow>(pool, SUPERSEDED_BY, [id])).map(recordFromRow);
    },
    checkpointer() {
      saver ??= (async () => {
        const { PostgresSaver } = await import("@langchain/langgraph-checkpoint-postgres");
        const postgresSaver = new PostgresSaver(pool, undefined, { schema });
        await postgresSaver.setup();
        return postgresSaver;
      })();
      return saver;
    },
    async close() {
      await pool.end();
    },
  };
}

async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query("BEGIN");
    try {
      // Two processes opening a fresh database at once: one migrates, the other waits and then finds it done.
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`kyocho-migrations:${schema}`]);
      await client.query(CREATE_MIGRATIONS_TABLE);
      const applied = new Set((await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => Number(r.version)));
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        for (const statement of migration.sql) await client.query(statement);
        await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  } finally {
    client.release();
  }
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://…";
  }
}
