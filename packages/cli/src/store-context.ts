import { createHash } from "node:crypto";
import { userInfo } from "node:os";
import { UserInputError, policyFingerprint, type Assessment, type Case, type Policy } from "@kyocho/core";
import { stableStringify } from "@kyocho/core/assessment";
import type { AssessmentRecord, AssessmentStore } from "@kyocho/store";

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

/** The SHA-256 of the case's canonical JSON: it names the case in the record without keeping the customer's data. */
export function caseSha256(c: Case | undefined): string | undefined {
  return c === undefined ? undefined : createHash("sha256").update(stableStringify(c)).digest("hex");
}

/** The record of an assessment as first saved, before its run. */
export function runningRecord(input: { id: string; question: string; case: Case | undefined; policy: Policy; requestedBy: string }) {
  const fingerprint = policyFingerprint(input.policy);
  return {
    id: input.id,
    asOf: input.case?.asOf,
    question: input.question,
    caseSha256: caseSha256(input.case),
    policy: { id: fingerprint.id, version: fingerprint.version, sha256: fingerprint.sha256 },
    status: "running" as const,
    assessment: undefined,
    requestedBy: input.requestedBy,
  };
}

/**
 * Saves the finished assessment: `completed` when the record was still
 * `running`. A record the sign-off has moved on (awaiting, approved, …) keeps
 * its status: re-running `ask` never reopens a decided assessment.
 */
export async function recordFinished(store: AssessmentStore, record: AssessmentRecord, assessment: Assessment): Promise<AssessmentRecord> {
  // A recommendation that needs sign-off waits for it; the sign-off moves the status on from there.
  const status = record.status === "running" ? (assessment.signoff?.status ?? "completed") : record.status;
  return store.save({ ...record, status, assessment });
}
