import { describe, expect, it } from "vitest";
import { DEFAULT_EXPERT_JOB_OPTIONS } from "./expert-job.js";
import { DEFAULT_JOB_RETENTION, JobRetentionSchema, retentionFromEnv, retentionJobOptions } from "./job-retention.js";

describe("job retention", () => {
  it("keeps completed jobs a day (at most 10,000 per queue) and failed ones a week (at most 50,000) by default", () => {
    expect(DEFAULT_JOB_RETENTION).toEqual({ completed: { age: 86_400, count: 10_000 }, failed: { age: 604_800, count: 50_000 } });
    expect(DEFAULT_EXPERT_JOB_OPTIONS).toMatchObject({ removeOnComplete: { age: 86_400, count: 10_000 }, removeOnFail: { age: 604_800, count: 50_000 } });
  });

  it("is configurable in part, and becomes BullMQ's removeOnComplete / removeOnFail", () => {
    const retention = JobRetentionSchema.parse({ completed: { count: 100 } });
    expect(retentionJobOptions(retention)).toEqual({ removeOnComplete: { age: 86_400, count: 100 }, removeOnFail: { age: 604_800, count: 50_000 } });
    expect(() => JobRetentionSchema.parse({ completed: { count: 0 } })).toThrow();
    expect(() => JobRetentionSchema.parse({ kept: {} })).toThrow();
  });

  it("reads KYOCHO_KEEP_* from the environment; a bad value names its variable", () => {
    expect(retentionFromEnv({ KYOCHO_KEEP_COMPLETED_SECONDS: "3600", KYOCHO_KEEP_FAILED_JOBS: "1_000" })).toEqual({
      completed: { age: 3_600, count: 10_000 },
      failed: { age: 604_800, count: 1_000 },
    });
    expect(retentionFromEnv({})).toEqual(DEFAULT_JOB_RETENTION);
    expect(() => retentionFromEnv({ KYOCHO_KEEP_FAILED_SECONDS: "a week" })).toThrow(
      'environment: KYOCHO_KEEP_FAILED_SECONDS: must be a positive integer, not "a week"',
    );
    expect(() => retentionFromEnv({ KYOCHO_KEEP_COMPLETED_JOBS: "0" })).toThrow(/^environment: KYOCHO_KEEP_COMPLETED_JOBS: /);
  });
});
