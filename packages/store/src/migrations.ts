/**
 * The schema, one numbered step at a time, applied in order at open and
 * recorded in `schema_migrations`. The same SQL runs on SQLite and
 * PostgreSQL: text timestamps (ISO 8601 UTC, which sort as they read),
 * integer booleans, JSON as text. Never edit a step that has shipped; add one.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: readonly string[] }> = [
  {
    version: 1,
    name: "assessments and signoffs",
    sql: [
      `CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        as_of TEXT,
        question TEXT NOT NULL,
        case_sha256 TEXT,
        policy_id TEXT NOT NULL,
        policy_version TEXT,
        policy_sha256 TEXT NOT NULL,
        status TEXT NOT NULL,
        rating TEXT,
        decision TEXT,
        incomplete INTEGER,
        assessment_json TEXT,
        requested_by TEXT NOT NULL,
        supersedes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX assessments_status_created ON assessments (status, created_at)`,
      `CREATE INDEX assessments_created ON assessments (created_at)`,
      `CREATE TABLE signoffs (
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        signer TEXT NOT NULL,
        role TEXT NOT NULL,
        decision TEXT NOT NULL,
        conditions_json TEXT NOT NULL,
        reason TEXT,
        signed_at TEXT NOT NULL,
        UNIQUE (assessment_id, signer)
      )`,
    ],
  },
  {
    version: 2,
    name: "index of superseded assessments",
    // `kyocho show` looks up the assessment that replaced a returned one.
    sql: [`CREATE INDEX assessments_supersedes ON assessments (supersedes)`],
  },
];

export const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;
