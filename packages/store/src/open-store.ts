import { join } from "node:path";
import type { AssessmentStore } from "./assessment-store.js";
import { openPostgresStore } from "./postgres-store.js";
import { openSqliteStore } from "./sqlite-store.js";

/** The SQLite file when nothing else is said: beside the working directory, like `.git`. */
export const DEFAULT_SQLITE_PATH = join(".kyocho", "kyocho.db");

export interface StoreLocation {
  /** `postgres://…` or `postgresql://…` (KYOCHO_DATABASE_URL); wins over `sqlitePath`. */
  databaseUrl?: string | undefined;
  /** The SQLite file; default `.kyocho/kyocho.db` under the working directory. */
  sqlitePath?: string | undefined;
  /** PostgreSQL only: the schema (tests use one each). */
  schema?: string | undefined;
  now?: () => Date;
}

/**
 * Opens the store the environment names: PostgreSQL when a database URL is
 * given, else the embedded SQLite file. Migrations run here, at open.
 */
export async function openStore(location: StoreLocation = {}): Promise<AssessmentStore> {
  const url = location.databaseUrl;
  const now = location.now ? { now: location.now } : {};
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new StoreLocationError("KYOCHO_DATABASE_URL", "must start with postgres:// or postgresql://");
    return openPostgresStore(url, { schema: location.schema, ...now });
  }
  return openSqliteStore(location.sqlitePath ?? DEFAULT_SQLITE_PATH, now);
}

/** A store location that cannot be used as given: the caller's input error, naming the setting. */
export class StoreLocationError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
    this.name = "StoreLocationError";
  }
}
