import { z } from "zod";
import { UserInputError } from "@kyocho/core";
import { describeFirstIssue } from "@kyocho/core/validation";
import type { KeepJobs } from "bullmq";

const keep = (age: number, count: number) =>
  z
    .strictObject({
      /** Seconds a finished job (its data: the case; its result) is kept in Redis. */
      age: z.number().int().positive().default(age),
      /** Finished jobs kept per expert queue, newest first. */
      count: z.number().int().positive().default(count),
    })
    .default({ age, count });

/**
 * How long finished expert jobs stay in Redis, by age and by number, per
 * expert queue. A finished job holds the case it was asked about (customer
 * data) and its result, so the bank decides how long Redis keeps them; both
 * limits apply (a job goes when it is too old *or* too many newer ones are
 * kept). BullMQ applies them each time another job of the same kind
 * finishes. Completed jobs are what lets a re-submitted question reuse its
 * results instead of running again, so they are kept a day by default;
 * failed ones a week, for inspection.
 *
 * @example
 * JobRetentionSchema.parse({ completed: { age: 3600 } }) // { completed: { age: 3600, count: 10000 }, failed: { age: 604800, count: 50000 } }
 */
export const JobRetentionSchema = z.strictObject({
  completed: keep(24 * 3600, 10_000),
  failed: keep(7 * 24 * 3600, 50_000),
});
export type JobRetention = z.output<typeof JobRetentionSchema>;
export type JobRetentionInput = z.input<typeof JobRetentionSchema>;

/**
 * The retention with nothing configured: completed jobs a day (at most
 * 10,000 per queue), failed ones a week (at most 50,000).
 *
 * @example
 * DEFAULT_JOB_RETENTION.completed // { age: 86400, count: 10000 }
 */
export const DEFAULT_JOB_RETENTION: Readonly<JobRetention> = Object.freeze(JobRetentionSchema.parse({}));

/**
 * The environment variables that set the retention (seconds and job counts).
 *
 * @example
 * RETENTION_ENV.completed.age // "KYOCHO_KEEP_COMPLETED_SECONDS"
 */
export const RETENTION_ENV = Object.freeze({
  completed: { age: "KYOCHO_KEEP_COMPLETED_SECONDS", count: "KYOCHO_KEEP_COMPLETED_JOBS" },
  failed: { age: "KYOCHO_KEEP_FAILED_SECONDS", count: "KYOCHO_KEEP_FAILED_JOBS" },
} as const);

/**
 * BullMQ's `removeOnComplete` / `removeOnFail` job options for a retention.
 *
 * @example
 * queue.add(name, data, { ...retentionJobOptions(DEFAULT_JOB_RETENTION), jobId });
 */
export function retentionJobOptions(retention: JobRetention): { removeOnComplete: KeepJobs; removeOnFail: KeepJobs } {
  return {
    removeOnComplete: { age: retention.completed.age, count: retention.completed.count },
    removeOnFail: { age: retention.failed.age, count: retention.failed.count },
  };
}

/**
 * Reads the retention from `KYOCHO_KEEP_COMPLETED_SECONDS`,
 * `KYOCHO_KEEP_COMPLETED_JOBS`, `KYOCHO_KEEP_FAILED_SECONDS` and
 * `KYOCHO_KEEP_FAILED_JOBS` (positive integers); unset ones keep their
 * defaults. A bad value is a user error naming the variable.
 *
 * @example
 * retentionFromEnv({ KYOCHO_KEEP_COMPLETED_SECONDS: "3600" }).completed.age // 3600
 */
export function retentionFromEnv(env: NodeJS.ProcessEnv = process.env): JobRetention {
  const raw: Record<string, Record<string, number>> = {};
  for (const kind of ["completed", "failed"] as const) {
    for (const field of ["age", "count"] as const) {
      const variable = RETENTION_ENV[kind][field];
      const text = env[variable]?.trim();
      if (!text) continue;
      if (!/^\d[\d_]*$/.test(text))
        throw new UserInputError(`must be a positive integer, not "${text.slice(0, 40)}"`, { source: "environment", path: variable });
      (raw[kind] ??= {})[field] = Number(text.replaceAll("_", ""));
    }
  }
  const parsed = JobRetentionSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const { path, reason } = describeFirstIssue(parsed.error);
  const [kind, field] = path.split(".") as ["completed" | "failed", "age" | "count"];
  throw new UserInputError(reason, { source: "environment", path: RETENTION_ENV[kind]?.[field] ?? path });
}
