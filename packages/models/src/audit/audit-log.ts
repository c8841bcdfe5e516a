import { accessSync, appendFileSync, constants, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { InternalError, UserInputError } from "@kyocho/core";
import type { AuditEntry, AuditSink } from "@kyocho/core";

export interface AuditLogOptions {
  /** The JSON Lines file; `{date}` becomes the UTC date (`2025-06-30`). Default `.kyocho/audit/audit-{date}.jsonl`. */
  path?: string | undefined;
  /** Keep prompts, responses and questions in full. Off: hashes only. */
  includeText?: boolean | undefined;
  /** Values scrubbed from every line, besides the environment's secrets. */
  secrets?: readonly string[] | undefined;
  /** Where secrets are looked for; default `process.env`. */
  env?: NodeJS.ProcessEnv | undefined;
  /** Resolves a relative `path`; default the working directory. */
  cwd?: string | undefined;
}

export const DEFAULT_AUDIT_PATH = ".kyocho/audit/audit-{date}.jsonl";

/** Environment variables whose values are treated as secrets and never written. */
const SECRET_ENV = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL)/i;
const REDACTED = "[REDACTED]";

/**
 * The audit trail: one JSON line per model call, per expert answer and per
 * assessment, appended synchronously to a daily file (mode 0600). Prompts and
 * responses are kept as SHA-256 hashes unless `includeText` is on. Before a
 * line is written, every value of a secret-looking environment variable
 * (`*KEY*`, `*TOKEN*`, `*SECRET*`, …), every value given in `secrets`, and
 * anything shaped like a bearer token is replaced by `[REDACTED]`, so no API
 * key reaches the log even if a server echoes it back.
 *
 * The directory is created and checked when the log is constructed, so an
 * unwritable path is refused at start; a failed write later throws, and the
 * model path then falls back (no model answer without its audit line).
 *
 * @example
 * const audit = new AuditLog({ path: config.audit.path, includeText: config.audit.includeText });
 * audit.write(assessmentAuditEntry(assessment));
 */
export class AuditLog implements AuditSink {
  readonly pathTemplate: string;
  readonly includeText: boolean;
  private readonly secrets: string[];
  private readonly madeDirs = new Set<string>();

  constructor(options: AuditLogOptions = {}) {
    this.pathTemplate = resolve(options.cwd ?? process.cwd(), options.path ?? DEFAULT_AUDIT_PATH);
    this.includeText = options.includeText ?? false;
    const env = options.env ?? process.env;
    const fromEnv = Object.entries(env)
      .filter(([name, value]) => SECRET_ENV.test(name) && typeof value === "string" && value.trim().length >= 8)
      .map(([, value]) => value!.trim());
    // Longest first, so a secret containing another is scrubbed whole.
    this.secrets = [...new Set([...(options.secrets ?? []).filter((s) => s.length >= 4), ...fromEnv])].sort((a, b) => b.length - a.length);
    this.ensureDirectory(this.pathFor(new Date()), true);
  }

  /** The file a line written at `time` goes to. */
  pathFor(time: Date): string {
    return this.pathTemplate.replaceAll("{date}", time.toISOString().slice(0, 10));
  }

  write(entry: AuditEntry): void {
    const { text, ...rest } = entry as AuditEntry & { text?: unknown };
    const kept = this.includeText && text !== undefined ? { ...rest, text } : rest;
    const line = this.redact(JSON.stringify(kept));
    const path = this.pathFor(new Date(entry.time));
    this.ensureDirectory(path, false);
    try {
      appendFileSync(path, `${line}\n`, { encoding: "utf8", mode: 0o600 });
    } catch (error) {
      throw new InternalError(`cannot write the audit log ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
    }
  }

  private redact(line: string): string {
    let out = line;
    for (const secret of this.secrets) {
      // The secret may appear JSON-escaped inside the line.
      for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) out = out.split(form).join(REDACTED);
    }
    return out.replace(/(Bearer\s+)(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{8,}/gi, `$1${REDACTED}`).replace(/\bsk-[A-Za-z0-9_-]{16,}/g, REDACTED);
  }

  private ensureDirectory(path: string, atStart: boolean): void {
    const dir = dirname(path);
    if (this.madeDirs.has(dir)) return;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      accessSync(dir, constants.W_OK);
      this.madeDirs.add(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      if (atStart)
        throw new UserInputError(`cannot write the audit directory ${dir} (${code})`, { path: "audit.path", source: "model config", code: "AUDIT_UNWRITABLE" });
      throw new InternalError(`cannot write the audit directory ${dir} (${code})`, { cause: error });
    }
  }
}

/**
 * A sink that discards everything: for callers that have no audit trail.
 *
 * @example
 * const audit = config.audit.enabled ? new AuditLog(config.audit) : nullAuditSink;
 */
export const nullAuditSink: AuditSink = Object.freeze({ write: () => {} });
