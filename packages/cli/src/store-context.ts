import { userInfo } from "node:os";
import { UserInputError } from "@kyocho/core";
import type { AssessmentStore } from "@kyocho/store";

/**
 * Where `kyocho` keeps assessments, from the environment:
 * - `KYOCHO_DATABASE_URL=postgres://…`: PostgreSQL (in the schema `KYOCHO_DATABASE_SCHEMA`, default `public`);
 * - `KYOCHO_STORE=off` (or `--no-store`): nothing kept, as before the store existed;
 * - `KYOCHO_STORE=FILE`: that SQLite file;
 * - else the SQLite file `.kyocho/kyocho.db` under the working directory.
 */
export type StoreSetting = { kind: "off" } | { kind: "postgres"; url: string; schema: string | undefined } | { kind: "sqlite"; path: string | undefined };

export function storeSetting(options: { store?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): StoreSetting {
  const store = env.KYOCHO_STORE?.trim();
  if (options.store === false || store === "off") return { kind: "off" };
  const url = env.KYOCHO_DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\/\S+$/.test(url)) throw new UserInputError("must be a postgres:// or postgresql:// URL", { source: "KYOCHO_DATABASE_URL" });
    const schema = env.KYOCHO_DATABASE_SCHEMA?.trim() || undefined;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
      throw new UserInputError("must be a lower-case SQL identifier", { source: "KYOCHO_DATABASE_SCHEMA" });
    return { kind: "postgres", url, schema };
  }
  return { kind: "sqlite", path: store || undefined };
}

/** Opens the store a command reads (history, show, resume): one is needed, so `off` is an input error. */
export async function openConfiguredStore(setting: StoreSetting, command: string): Promise<AssessmentStore> {
  if (setting.kind === "off") throw new UserInputError(`needs a store, and KYOCHO_STORE is off`, { source: command });
  // Loaded only when a store is used: `ask --no-store` loads no database driver.
  const { openStore } = await import("@kyocho/store");
  return openStore(setting.kind === "postgres" ? { databaseUrl: setting.url, schema: setting.schema } : { sqlitePath: setting.path });
}

/** Who asked: `--requested-by`, else `KYOCHO_USER`, else the operating-system user. */
export function requestedBy(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const name = option ?? env.KYOCHO_USER ?? safeUserName();
  if (!name || !name.trim()) throw new UserInputError("must not be empty", { source: "--requested-by" });
  return name.trim();
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}
