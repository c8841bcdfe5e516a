import { KyochoError } from "@kyocho/core";

/**
 * The base of every error `@kyocho/queue` raises on purpose: Redis cannot be
 * reached, a job vanished, a job's data broke the contract. These are system
 * failures (exit code 1); a caller's mistake — a bad `REDIS_URL`, a bad
 * `--rate` — is a core `UserInputError` (exit code 2) instead.
 *
 * @example
 * try { await waitForRedis(connection, { url }) } catch (e) {
 *   if (e instanceof QueueError) console.error(e.code, e.message); // "REDIS_UNAVAILABLE …"
 * }
 */
export class QueueError extends KyochoError {
  readonly code: string;
  readonly exitCode = 1 as const;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Redis did not answer in time. The message names the server (never its
 * password) and the last connection error, so the fix is obvious.
 *
 * @example
 * throw new RedisUnavailableError("redis://127.0.0.1:6379", "connect ECONNREFUSED 127.0.0.1:6379");
 */
export class RedisUnavailableError extends QueueError {
  constructor(where: string, reason: string | undefined, options?: { cause?: unknown }) {
    super("REDIS_UNAVAILABLE", `cannot reach Redis at ${where}${reason ? ` (${reason})` : ""}; start Redis or set REDIS_URL`, options);
  }
}
