import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** The PostgreSQL the store's tests use (trust auth on loopback); each test file works in a schema of its own. */
export const TEST_DATABASE_URL = process.env.KYOCHO_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** What a test file needs to run the CLI against each back-end, and to leave nothing behind. */
export interface StoreBackends {
  /** A fresh directory; the SQLite back-end's file is `kyocho.db` in it. */
  readonly dir: string;
  /** A fresh PostgreSQL schema name (`kyocho_test_<hex>`). */
  readonly schema: string;
  /** The CLI environment of each back-end (the scrubbed test environment keeps the store off unless one is named). */
  readonly env: {
    sqlite: NodeJS.ProcessEnv;
    postgres: NodeJS.ProcessEnv;
  };
  /** Removes the directory and drops the schema, whatever the tests left. */
  drop(): Promise<void>;
}

/**
 * One SQLite file and one PostgreSQL schema for a test file, so the same
 * commands run on both back-ends and their records can be compared.
 *
 * @example
 * const stores = storeBackends("ringi");
 * afterAll(() => stores.drop());
 * describe.each(Object.entries(stores.env))("on %s", (name, env) => { … runCli([...], { env }) … });
 */
export function storeBackends(tag: string): StoreBackends {
  const dir = mkdtempSync(join(tmpdir(), `kyocho-${tag}-`));
  const schema = `kyocho_test_${randomBytes(6).toString("hex")}`;
  return {
    dir,
    schema,
    env: {
      sqlite: { KYOCHO_STORE: join(dir, "kyocho.db") },
      postgres: { KYOCHO_STORE: undefined, KYOCHO_DATABASE_URL: TEST_DATABASE_URL, KYOCHO_DATABASE_SCHEMA: schema },
    },
    drop: async () => {
      rmSync(dir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
