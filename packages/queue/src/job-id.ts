import { createHash } from "node:crypto";
import { stableStringify } from "@kyocho/core/assessment";
import type { ExpertResult } from "@kyocho/core";
import type { ExpertJobData } from "./expert-job.js";

/**
 * Separates the parts of a job id.
 *
 * @example
 * jobId.split(JOB_ID_SEPARATOR) // ["a-3f9c0e", "lending", "5d41402abc4b2a76b9719d911017c592"]
 */
export const JOB_ID_SEPARATOR = "@";

/** Hex digits of the request's SHA-256 kept in a job id (128 bits). */
const DIGEST_LENGTH = 32;

/**
 * The BullMQ job id of one sub-task: `<assessment id>@<task id>@<digest>`,
 * where the digest is the SHA-256 of the job data itself in canonical form
 * (keys sorted: core's `stableStringify` text). The same request always gets the same id, so a retried or
 * re-submitted question addresses the same job and BullMQ refuses to add it
 * twice; a different request — another question under a reused assessment
 * id, another case, another policy, other dependency results — never shares
 * an id, so it can never be answered with another request's stored result.
 *
 * What varies between identical runs is left out of the digest: the
 * dependencies' timings (`latencyMs`, `modelUse.latencyMs`), whether the
 * task started speculatively and the trace context the job carries; none of
 * them changes what the expert does.
 *
 * BullMQ rejects custom ids that contain `:` or that read as integers; the
 * assessment and task ids are percent-encoded (`:` → `%3A`, `@` → `%40`,
 * `%` → `%25`), and ids made only of letters, digits, `-`, `_` and `.` read
 * unchanged.
 *
 * @example
 * jobIdFor(toExpertJobData(request)) // "a-3f9c0e@lending@5d41402abc4b2a76b9719d911017c592"
 */
export function jobIdFor(data: ExpertJobData): string {
  return `${encodeURIComponent(data.assessmentId)}${JOB_ID_SEPARATOR}${encodeURIComponent(data.task.id)}${JOB_ID_SEPARATOR}${jobDigest(data)}`;
}

/**
 * The SHA-256 (hex, first 32 digits) of a job's data in canonical form, the
 * run-to-run timings left out (see {@link jobIdFor}).
 *
 * @example
 * jobDigest(data) // "5d41402abc4b2a76b9719d911017c592"
 */
export function jobDigest(data: ExpertJobData): string {
  const { speculative: _speculative, ...task } = data.task as ExpertJobData["task"] & { speculative?: true };
  const { trace: _trace, ...request } = data;
  const dependencies: Record<string, unknown> = {};
  for (const [name, result] of Object.entries(data.dependencies)) dependencies[name] = withoutTimings(result);
  const canonical = stableStringify({ ...request, task, dependencies });
  return createHash("sha256").update(canonical).digest("hex").slice(0, DIGEST_LENGTH);
}

function withoutTimings(result: ExpertResult): unknown {
  const { latencyMs: _latency, modelUse, ...rest } = result;
  if (!modelUse) return rest;
  const { latencyMs: _modelLatency, ...use } = modelUse;
  return { ...rest, modelUse: use };
}

/**
 * The assessment id, task id and digest a job id was made from, or
 * `undefined` for an id that {@link jobIdFor} did not make (an id of an
 * older kyocho, `<assessment id>@<task id>`, included).
 *
 * @example
 * parseJobId("a-3f9c0e@lending@5d41402abc4b2a76b9719d911017c592") // { assessmentId: "a-3f9c0e", taskId: "lending", digest: "5d41…" }
 */
export function parseJobId(jobId: string): { assessmentId: string; taskId: string; digest: string } | undefined {
  const parts = jobId.split(JOB_ID_SEPARATOR);
  if (parts.length !== 3 || !parts[0] || !parts[1] || !/^[0-9a-f]+$/.test(parts[2]!)) return undefined;
  try {
    return { assessmentId: decodeURIComponent(parts[0]), taskId: decodeURIComponent(parts[1]), digest: parts[2]! };
  } catch {
    return undefined;
  }
}
