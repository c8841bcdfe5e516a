import { z } from "zod";
import { describeFirstIssue, ExpertRequestSchema, ExpertResultSchema, type Case, type ExpertRequest, type ExpertResult } from "@kyocho/core";
import type { JobsOptions } from "bullmq";
import { DEFAULT_JOB_RETENTION, retentionJobOptions } from "./job-retention.js";

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

/**
 * Validates job data (the core's {@link ExpertRequestSchema}, checked when a
 * job is enqueued and again when a worker picks it up) and returns it as an
 * {@link ExpertRequest}; throws a
 * {@link JobContractError} naming the first offending path.
 *
 * @example
 * const request = parseExpertJobData(job.data);
 * const result = await expert.run(request);
 */
export function parseExpertJobData(data: unknown): ExpertRequest {
  const parsed = ExpertRequestSchema.safeParse(data);
  if (!parsed.success) throw new JobContractError("BAD_JOB_DATA", `job data broke the expert request contract: ${firstIssue(parsed.error)}`);
  const { case: c, ...rest } = parsed.data;
  return { ...rest, case: c as Case | undefined };
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
