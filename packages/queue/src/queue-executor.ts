import { DEFAULT_LIMITS, LimitExceededError } from "@kyocho/core/limits";
import { describeFirstIssue } from "@kyocho/core/validation";
import { ExpertResultSchema, type ExecuteOptions, type ExpertExecutor, type ExpertRequest, type ExpertResult, type SubTask } from "@kyocho/core";
import { unfinishedResult } from "@kyocho/core/assessment";
import {
  DEFAULT_EXPERT_JOB_OPTIONS,
  ExpertJobDataSchema,
  JobContractError,
  parseExpertJobResult,
  toExpertJobData,
  type ExpertJobData,
  type ExpertJobOptions,
} from "./expert-job.js";
import { POLICY_MISMATCH } from "./held-policies.js";
import { jobIdFor } from "./job-id.js";
import { JobRetentionSchema, retentionJobOptions, type JobRetentionInput } from "./job-retention.js";
import { JobResultWatcher, type JobOutcome } from "./job-result-watcher.js";
import { QueueError } from "./queue-error.js";
import { openExpertQueue } from "./expert-queue.js";
import { recordJobOutcome, startProducerSpan } from "./job-trace.js";
import { checkPrefix, DEFAULT_PREFIX, expertQueue, type PrefixScheme } from "./queue-names.js";
import type { RedisClient } from "./redis-topology.js";

/**
 * Error codes of sub-tasks the queue could not bring back (as opposed to an expert's own failure).
 *
 * @example
 * const lost = assessment.experts.some((e) => QUEUE_FAILURE_CODES.includes(e.error?.code as never)); // retry later
 */
export const QUEUE_FAILURE_CODES = ["QUEUE_TIMEOUT", "JOB_FAILED", "BAD_JOB_RESULT", "ABORTED", POLICY_MISMATCH] as const;

/** Options of {@link QueueExecutor}. */
export interface QueueExecutorOptions {
  /**
   * An ioredis connection, shared by the executor's queues; the blocking
   * event readers duplicate it. Create it with `maxRetriesPerRequest: null`
   * (as {@link createRedisConnection} does), which BullMQ requires. The
   * executor never closes it.
   */
  connection: RedisClient;
  /** The kyocho key prefix; default `{kyocho}`. */
  prefix?: string;
  /** How queues are laid out (`per-expert` hash tags, the default, or `shared`); producers and workers must agree. */
  prefixScheme?: PrefixScheme;
  /** Options every job is added with (attempts, backoff, retention); default {@link DEFAULT_EXPERT_JOB_OPTIONS}. */
  jobOptions?: ExpertJobOptions;
  /** How long finished jobs stay in Redis, by age and count (see `JobRetentionSchema`); overrides `jobOptions`' `removeOnComplete`/`removeOnFail`. */
  retention?: JobRetentionInput;
  /**
   * Bytes of one job's data (JSON); a larger sub-task is not enqueued and
   * fails with `JOB_TOO_LARGE`, naming the limit. Default: the `maxJobBytes`
   * limit (8 MiB).
   */
  maxJobBytes?: number;
  /** How long `execute` waits for a result before reporting the sub-task failed (`QUEUE_TIMEOUT`); default 10 minutes. The job stays queued. */
  resultTimeoutMs?: number;
  /** How often jobs still awaited are looked up in Redis, in case an event was missed; default 5 s. */
  pollIntervalMs?: number;
}

/**
 * Runs sub-tasks on remote workers through Redis: one BullMQ queue per expert
 * (`{kyocho:<name>}:<name>`, see {@link expertQueue}), one job per sub-task. A job carries the request
 * with its policy named by id and SHA-256 (workers hold the policies they
 * serve; one that does not hold a job's policy fails it: `POLICY_MISMATCH`),
 * and its id is `<assessment id>@<task id>@<digest of the request>` (see
 * {@link jobIdFor}). Plug it into a council in place of the in-process
 * executor — same graph, same results. A worker whose expert has a model
 * publishes the expert's facts before the model answers; they reach the
 * council through `onFacts`, so that dependants bound to facts start early.
 *
 * Because job ids are derived from the request itself, a retried or
 * re-submitted question never runs a sub-task twice — BullMQ keeps the
 * existing job, and its stored result is returned (see
 * {@link JobResultWatcher}) — while a different request never shares a job.
 *
 * `execute` never throws for a sub-task's failure: an expert's own failure
 * comes back as the worker reported it, and a failure of the queue itself
 * (no result in time, retries exhausted, a worker that stalled too often) is
 * a `failed` result with one of {@link QUEUE_FAILURE_CODES}.
 *
 * @example
 * const connection = createRedisConnection(process.env.REDIS_URL);
 * const executor = new QueueExecutor({ connection, prefix: "{kyocho}" });
 * const council = createReferenceCouncil({ executor });
 * const assessment = await council.assess({ question, case: c }); // workers: `kyocho worker`
 * await executor.close();
 */
export class QueueExecutor implements ExpertExecutor {
  readonly kind = "queue";
  readonly prefix: string;
  private readonly connection: RedisClient;
  private readonly prefixScheme: PrefixScheme;
  private readonly jobOptions: ExpertJobOptions;
  private readonly resultTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly maxJobBytes: number;
  private readonly watchers = new Map<string, Promise<JobResultWatcher>>();
  private closed = false;

  constructor(options: QueueExecutorOptions) {
    if (!options?.connection) throw new QueueError("NO_CONNECTION", "QueueExecutor needs a `connection` (an ioredis client)");
    this.connection = options.connection;
    this.prefix = checkPrefix(options.prefix ?? DEFAULT_PREFIX, "QueueExecutor prefix");
    this.prefixScheme = options.prefixScheme ?? "per-expert";
    this.jobOptions = {
      ...DEFAULT_EXPERT_JOB_OPTIONS,
      ...options.jobOptions,
      ...(options.retention !== undefined ? retentionJobOptions(JobRetentionSchema.parse(options.retention)) : {}),
    };
    this.maxJobBytes = options.maxJobBytes ?? DEFAULT_LIMITS.maxJobBytes;
    this.resultTimeoutMs = options.resultTimeoutMs ?? 10 * 60_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
  }

  async execute(request: ExpertRequest, options: ExecuteOptions = {}): Promise<ExpertResult> {
    if (this.closed) throw new QueueError("EXECUTOR_CLOSED", "the queue executor is closed");
    const what = request?.task?.id ?? "a sub-task";
    if (typeof request?.policy !== "object" || request.policy === null) throw new QueueError("BAD_REQUEST", `cannot enqueue ${what}: policy: missing`);
    const parsed = ExpertJobDataSchema.safeParse(toExpertJobData(request));
    if (!parsed.success) {
      const { path, reason } = describeFirstIssue(parsed.error);
      throw new QueueError("BAD_REQUEST", `cannot enqueue ${what}: ${path}: ${reason}`);
    }
    // The case was checked against the council's case schema when it was read; the wire form only checks it is an object.
    const data = parsed.data as ExpertJobData;
    const { task } = request;
    const bytes = Buffer.byteLength(JSON.stringify(data), "utf8");
    if (bytes > this.maxJobBytes) {
      // Neither the queue's failure nor transient: the same request is as large next time, so it is not retried.
      const limit = new LimitExceededError("maxJobBytes", { actual: bytes, max: this.maxJobBytes, unit: "bytes", source: `job data of ${task.id}` });
      return unfinishedResult(task, "failed", { code: "JOB_TOO_LARGE", message: limit.message });
    }
    const watcher = await this.watcher(task.expert);
    const id = jobIdFor(data);
    // The producer span lasts until the result is back, so the trace shows the time a sub-task spent queued and run.
    const { span, trace } = startProducerSpan(expertQueue(task.expert, this.prefix, this.prefixScheme).displayName, id, task.expert);
    try {
      const outcome = await watcher.submit(
        { id, name: task.id, data: trace ? { ...data, trace } : data, options: this.jobOptions },
        { signal: options.signal, timeoutMs: this.resultTimeoutMs, onProgress: options.onFacts ? factsListener(task, options.onFacts) : undefined },
      );
      const result = this.toResult(request, id, outcome);
      recordJobOutcome(span, result);
      return result;
    } finally {
      span.end();
    }
  }

  /**
   * Opens the queues of these experts now rather than at their first job
   * (for instance to fail early when Redis is unreachable).
   *
   * @example
   * await executor.open(["lending", "legal", "fx", "markets"]);
   */
  async open(experts: Iterable<string>): Promise<void> {
    await Promise.all([...experts].map((name) => this.watcher(name)));
  }

  /** Closes the executor's queues and event readers (not the connection it was given). Waiting calls resolve as `ABORTED`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const watchers = await Promise.allSettled(this.watchers.values());
    await Promise.all(
      watchers.map(async (w) => {
        if (w.status !== "fulfilled") return;
        await w.value.close();
        await w.value.queue.close();
      }),
    );
  }

  private watcher(expert: string): Promise<JobResultWatcher> {
    let watcher = this.watchers.get(expert);
    if (!watcher) {
      const queue = openExpertQueue(expert, { connection: this.connection, prefix: this.prefix, prefixScheme: this.prefixScheme });
      watcher = JobResultWatcher.open(queue, this.connection, { pollIntervalMs: this.pollIntervalMs });
      watcher.catch(() => this.watchers.delete(expert));
      this.watchers.set(expert, watcher);
    }
    return watcher;
  }

  private toResult(request: ExpertRequest, jobId: string, outcome: JobOutcome): ExpertResult {
    const { task } = request;
    const failed = (code: (typeof QUEUE_FAILURE_CODES)[number], message: string): ExpertResult => unfinishedResult(task, "failed", { code, message });
    switch (outcome.state) {
      case "completed": {
        let result: ExpertResult;
        try {
          result = parseExpertJobResult(outcome.value);
        } catch (error) {
          return failed("BAD_JOB_RESULT", `job ${jobId}: ${(error as JobContractError).message}`);
        }
        if (result.taskId !== task.id || result.expert !== task.expert) {
          return failed("BAD_JOB_RESULT", `job ${jobId} returned the result of ${result.expert}/${result.taskId}, not ${task.expert}/${task.id}`);
        }
        return result;
      }
      case "failed":
        if (outcome.reason.startsWith(`${POLICY_MISMATCH}: `)) {
          return failed(POLICY_MISMATCH, `job ${jobId} on the ${task.expert} queue: ${outcome.reason.slice(POLICY_MISMATCH.length + 2)}`);
        }
        return failed("JOB_FAILED", `job ${jobId} failed on the ${task.expert} queue: ${outcome.reason}`);
      case "timeout":
        return failed(
          "QUEUE_TIMEOUT",
          `no result for job ${jobId} after ${Math.round(outcome.waitedMs / 1000)} s (is a worker consuming expert:${task.expert}?)`,
        );
      case "aborted":
        return failed("ABORTED", `stopped waiting for job ${jobId}`);
    }
  }
}

/**
 * Passes a job's progress on as the sub-task's facts, once: only a valid
 * expert result of this very task and expert counts (anything else in the
 * progress is ignored; the final result still comes).
 */
function factsListener(task: SubTask, onFacts: (facts: ExpertResult) => void): (progress: unknown) => void {
  let told = false;
  return (progress) => {
    if (told) return;
    const parsed = ExpertResultSchema.safeParse(progress);
    if (!parsed.success || parsed.data.taskId !== task.id || parsed.data.expert !== task.expert) return;
    told = true;
    try {
      onFacts(parsed.data);
    } catch {
      // The listener's own failure is the caller's business; the job's result still comes back.
    }
  };
}
