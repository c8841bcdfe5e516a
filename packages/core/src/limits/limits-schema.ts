import { z } from "zod";

const MiB = 1024 * 1024;

/**
 * The size limits on what enters kyocho: a question, a case, a file, a batch
 * line, an expert job. Each bounds the memory and time one input can cost,
 * so a malformed or hostile input is refused with the name of the limit it
 * broke instead of exhausting a worker or Redis. Configurable through the
 * `KYOCHO_MAX_*` environment variables (see {@link LIMIT_ENV} and
 * `limitsFromEnv`); a council, a batch and a queue executor take them as an
 * option.
 *
 * @example
 * LimitsSchema.parse({ maxPositions: 50_000 }) // the other limits at their defaults
 */
export const LimitsSchema = z.strictObject({
  /** Characters of a question: typed on the command line, a case's `question`, a batch line's. Default 4,000. */
  maxQuestionChars: z.number().int().positive().default(4_000),
  /** Entries of a case's `markets.positions`. Default 10,000. */
  maxPositions: z.number().int().positive().default(10_000),
  /** Bytes of one input file read whole: a case, policy, plan or config file. Default 4 MiB. */
  maxFileBytes: z
    .number()
    .int()
    .positive()
    .max(256 * MiB)
    .default(4 * MiB),
  /** Bytes of one line of a batch input file (a line may carry a whole case). Default 4 MiB. */
  maxBatchLineBytes: z
    .number()
    .int()
    .positive()
    .max(256 * MiB)
    .default(4 * MiB),
  /** Bytes of one expert job's data (its JSON) stored in Redis. Default 8 MiB. */
  maxJobBytes: z
    .number()
    .int()
    .positive()
    .max(512 * MiB)
    .default(8 * MiB),
});

/** The limits a run enforces, every one set. */
export type Limits = z.output<typeof LimitsSchema>;
export type LimitName = keyof Limits;

/**
 * The limits with nothing configured.
 *
 * @example
 * DEFAULT_LIMITS.maxQuestionChars // 4000
 */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze(LimitsSchema.parse({}));

/**
 * The environment variable that sets each limit.
 *
 * @example
 * LIMIT_ENV.maxPositions // "KYOCHO_MAX_POSITIONS"
 */
export const LIMIT_ENV: Readonly<Record<LimitName, string>> = Object.freeze({
  maxQuestionChars: "KYOCHO_MAX_QUESTION_CHARS",
  maxPositions: "KYOCHO_MAX_POSITIONS",
  maxFileBytes: "KYOCHO_MAX_FILE_BYTES",
  maxBatchLineBytes: "KYOCHO_MAX_BATCH_LINE_BYTES",
  maxJobBytes: "KYOCHO_MAX_JOB_BYTES",
});
