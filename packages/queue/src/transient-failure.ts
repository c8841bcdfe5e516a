import type { ExpertResult } from "@kyocho/core";

/**
 * Error codes of an expert's result that a later attempt may not repeat.
 *
 * @example
 * TRANSIENT_ERROR_CODES.has("TIMEOUT") // true
 */
export const TRANSIENT_ERROR_CODES: ReadonlySet<string> = new Set(["TIMEOUT"]);

/**
 * What an `EXPERT_ERROR` message says when a model server or the network was briefly unavailable.
 *
 * @example
 * TRANSIENT_MESSAGE.test("connect ECONNREFUSED 10.0.0.5:8000") // true
 */
export const TRANSIENT_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|socket hang up|fetch failed|connection error|timed? ?out|\b(429|502|503|504)\b|rate limit|overloaded|temporarily unavailable/i;

/**
 * True when a failed expert result looks transient — a timeout, a refused or
 * dropped connection, a 429/502/503/504 from a model server — so that the
 * worker retries the job with exponential backoff instead of reporting the
 * failure at once. A rule that cannot be evaluated, bad output or bad input
 * fails the same way every time and is reported at once.
 *
 * @example
 * isTransientFailure({ ...result, status: "failed", error: { code: "TIMEOUT", message: "timed out after 30000 ms" } }) // true
 * isTransientFailure({ ...result, status: "failed", error: { code: "BAD_OUTPUT", message: "…" } })                   // false
 */
export function isTransientFailure(result: Pick<ExpertResult, "status" | "error">): boolean {
  if (result.status !== "failed" || !result.error) return false;
  if (TRANSIENT_ERROR_CODES.has(result.error.code)) return true;
  return result.error.code === "EXPERT_ERROR" && TRANSIENT_MESSAGE.test(result.error.message);
}
