import { z } from "zod";
import { describeFirstIssue } from "@kyocho/core/validation";
import { ExpertRequestSchema } from "@kyocho/core/expert";
import { ExpertResultSchema, policyFingerprint, type Case, type ExpertRequest, type ExpertResult, type Policy, type PolicyFingerprint } from "@kyocho/core";
import type { JobsOptions } from "bullmq";
import { DEFAULT_JOB_RETENTION, retentionJobOptions } from "./job-retention.js";
import { JobTraceSchema, type JobTrace } from "./job-trace.js";

/**
 * Thrown for job data or a job result that breaks the contract.
 *
 * @example
 * try { parseExpertJobData(job.data) } catch (e) { if (e instanceof JobContractError) console.error(e.code) } // "BAD_JOB_DATA"
 */
export class JobContractError extends Error {
  constructor(
    readonly code: "BAD_JOB_DATA" | "BAD_JOB_RESULT",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** How a job names its policy: id, version and the SHA-256 of its validated content (core's `policyFingerprint`). */
export const PolicyReferenceSchema = z.strictObject({
  id: z.string().min(1),
  version: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lower-case hex digits"),
});

/**
 * The wire form of one sub-task job: the core's expert request with its
 * policy replaced by a {@link PolicyReferenceSchema reference}. A worker runs
 * the job under its own copy of that policy, found by SHA-256, and never
 * under a policy read from Redis.
 *
 * It may carry the W3C trace context of the sub-task that enqueued it
 * (`trace`), so that the worker's spans join the producer's trace.
 *
 * @example
 * const data = ExpertJobDataSchema.parse(job.data); // data.policy: { id, version, sha256 }
 */
export const ExpertJobDataSchema = ExpertRequestSchema.extend({ policy: PolicyReferenceSchema, trace: JobTraceSchema.optional() });

/** One sub-task as it travels through Redis (see {@link ExpertJobDataSchema}). */
export interface ExpertJobData extends Omit<ExpertRequest, "policy"> {
  policy: PolicyFingerprint;
  /** The producer's trace context; never part of the job id (see `jobDigest`). */
  trace?: JobTrace | undefined;
}

/**
 * The job data of a request: the request as it is, its policy replaced by
 * the policy's fingerprint (computed once per policy object).
 *
 * @example
 * const data = toExpertJobData(request); // { assessmentId, task, case, policy: { id, version, sha256 }, dependencies }
 */
export function toExpertJobData(request: ExpertRequest): ExpertJobData {
  const { policy, ...rest } = request;
  return { ...rest, policy: policyFingerprint(policy) };
}

/**
 * Validates job data (checked when a job is enqueued and again when a worker
 * picks it up) and returns it as {@link ExpertJobData}; throws a
 * {@link JobContractError} naming the first offending path. A job that
 * carries a whole policy — written by a producer older than this version —
 * is refused with a message that says so.
 *
 * @example
 * const data = parseExpertJobData(job.data);
 * const result = await expert.run({ ...data, policy: held.get(data.policy.sha256)! });
 */
export function parseExpertJobData(data: unknown): ExpertJobData {
  const parsed = ExpertJobDataSchema.safeParse(data);
  if (!parsed.success) {
    if (carriesWholePolicy(data)) {
      throw new JobContractError(
        "BAD_JOB_DATA",
        "job data carries a whole policy: it was enqueued by an older kyocho, whose jobs this worker does not run (upgrade producers and workers together, after draining the queues)",
      );
    }
    throw new JobContractError("BAD_JOB_DATA", `job data broke the expert job contract: ${firstIssue(parsed.error)}`);
  }
  const { case: c, ...rest } = parsed.data;
  return { ...rest, case: c as Case | undefined };
}

/**
 * The expert request a job stands for, under the worker's own copy of the
 * policy it names (whose fingerprint the caller has matched).
 *
 * @example
 * const request = requestFromJobData(data, policy);
 */
export function requestFromJobData(data: ExpertJobData, policy: Policy): ExpertRequest {
  const { trace: _trace, ...request } = data;
  return { ...request, policy };
}

/**
 * Validates a job's return value as an {@link ExpertResult}; throws a
 * {@link JobContractError} naming the first offending path.
 *
 * @example
 * const result = parseExpertJobResult(job.returnvalue);
 */
export function parseExpertJobResult(value: unknown): ExpertResult {
  const parsed = ExpertResultSchema.safeParse(value);
  if (!parsed.success) throw new JobContractError("BAD_JOB_RESULT", `job result broke the expert result contract: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

function carriesWholePolicy(data: unknown): boolean {
  const policy = (data as { policy?: unknown } | null)?.policy;
  return typeof policy === "object" && policy !== null && "merge" in policy;
}

function firstIssue(error: z.ZodError): string {
  const { path, reason } = describeFirstIssue(error);
  return `${path}: ${reason}`;
}

/** The job options a kyocho job may carry; `jobId` is always kyocho's own. */
export type ExpertJobOptions = Omit<JobsOptions, "jobId" | "parent" | "repeat" | "deduplication" | "debounce">;

/**
 * What every expert job is enqueued with unless the caller overrides it:
 * three attempts with exponential backoff from one second (for transient
 * failures: a model server timing out, a dropped connection); completed jobs
 * kept a day (at most 10,000 per queue) — long enough for a re-submitted
 * question to find its results instead of running again — and failed ones a
 * week (at most 50,000) for inspection: {@link DEFAULT_JOB_RETENTION}.
 *
 * @example
 * new QueueExecutor({ connection, jobOptions: { ...DEFAULT_EXPERT_JOB_OPTIONS, attempts: 5 } });
 */
export const DEFAULT_EXPERT_JOB_OPTIONS: Readonly<ExpertJobOptions> = Object.freeze({
  attempts: 3,
  backoff: { type: "exponential", delay: 1_000 },
  ...retentionJobOptions(DEFAULT_JOB_RETENTION),
});
