import { hostname } from "node:os";
import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import type { Expert, ExpertResult, Policy } from "@kyocho/core";
import type { ModelRegistry } from "@kyocho/models";
import { JobContractError, parseExpertJobData, requestFromJobData } from "./expert-job.js";
import { inConsumerSpan, recordJobOutcome } from "./job-trace.js";
import { HeldPolicies } from "./held-policies.js";
import { JobRetentionSchema, retentionJobOptions, type JobRetentionInput } from "./job-retention.js";
import { checkPrefix, DEFAULT_PREFIX, expertQueue, type PrefixScheme } from "./queue-names.js";
import type { RedisClient } from "./redis-topology.js";
import { limiterFor } from "./rate-limit.js";
import { isTransientFailure } from "./transient-failure.js";

/** Options of {@link createExpertWorker}. */
export interface ExpertWorkerOptions {
  /** An ioredis connection with `maxRetriesPerRequest: null`; the worker duplicates it and never closes it. */
  connection: RedisClient;
  /** The kyocho key prefix; default `{kyocho}`. */
  prefix?: string;
  /** How queues are laid out (`per-expert` hash tags, the default, or `shared`); producers and workers must agree. */
  prefixScheme?: PrefixScheme;
  /**
   * The policies this worker runs jobs under. A job names its policy by
   * SHA-256; a job for a policy not among these fails at once with
   * `POLICY_MISMATCH` (never run under another policy, never under one read
   * from Redis). Each is checked now against the expert's policy schema.
   */
  policies: readonly Policy[];
  /** Jobs this worker runs at once; default 4. */
  concurrency?: number;
  /** At most this many jobs per second on this expert's queue, across all its workers (see {@link limiterFor}). */
  rate?: number;
  /** A job that runs longer is stopped and reported as `TIMEOUT` (retried while attempts remain); default: the expert's own time limit. */
  jobTimeoutMs?: number;
  /** How long a job stays locked to this worker without a renewal; a dead worker's jobs are taken back after it. Default 30 s. */
  lockDurationMs?: number;
  /** How often this worker looks for jobs whose worker died (stalled jobs); default 30 s. */
  stalledIntervalMs?: number;
  /** How many times a job may be recovered from a dead worker before it fails; default 1. */
  maxStalledCount?: number;
  /** Recorded on every job this worker processes (`processedBy`) and in its Redis client name; default `<host>:<pid>`. */
  name?: string;
  /**
   * The models this worker's experts use (the worker runs where the model
   * runs): each expert gets its configured model and the audit trail on every
   * job. Default: none — the experts' deterministic path alone.
   */
  models?: ModelRegistry | undefined;
  /** Which failed results are retried; default {@link isTransientFailure}. */
  isTransient?: (result: ExpertResult) => boolean;
  /** Start consuming at once (default true). */
  autorun?: boolean;
  /**
   * Told when a job starts, ends (finished or failed: the result is BullMQ's
   * to write) or is handed back to the queue: how a pool knows which jobs are
   * still in its hands when it must stop (see `ExpertWorkerPool.stopWithin`).
   */
  onRunning?: (jobId: string, state: "started" | "ended" | "handed-back") => void;
  /** How long finished jobs stay in Redis when the job itself does not say (kyocho's producers always do); default `DEFAULT_JOB_RETENTION`. */
  retention?: JobRetentionInput;
}

/**
 * The abort reason that asks a worker's running jobs to go back to the queue
 * (see {@link handBackRunningJobs}).
 *
 * @example
 * worker.cancelJob(jobId, HAND_BACK_REASON); // that one job goes back to the queue
 */
export const HAND_BACK_REASON = "kyocho: handed back to the queue";

/** How long a handed-back job waits before another worker may take it. */
const HAND_BACK_DELAY_MS = 250;

/**
 * Stops the jobs a worker is running and puts them back in their queue at
 * once, for another worker to run — instead of leaving them locked until the
 * stalled-job check notices (the job's attempts are not used up). What a
 * worker does when it must stop before its jobs finish.
 *
 * @example
 * const closing = worker.close(); // first, so the worker does not fetch them again
 * handBackRunningJobs(worker);
 * await closing;
 */
export function handBackRunningJobs(worker: Worker): void {
  worker.cancelAllJobs(HAND_BACK_REASON);
}

/**
 * Retried by BullMQ with the job's backoff: the expert failed in a way a later attempt may not.
 *
 * @example
 * worker.on("failed", (job, error) => { if (error instanceof TransientExpertFailure) console.warn("will retry", job?.id) });
 */
export class TransientExpertFailure extends Error {
  constructor(readonly result: ExpertResult) {
    super(`${result.error?.code ?? "FAILED"}: ${result.error?.message ?? "failed"} (will retry)`);
    this.name = new.target.name;
  }
}

/**
 * A BullMQ worker that runs one expert's jobs: it validates the job data (an
 * expert request whose policy is named by id and SHA-256), runs
 * `expert.run(request)` under its own copy of that policy, and returns the
 * `ExpertResult` as the job's return value. Job data that breaks the
 * contract, or names a policy the worker does not hold (`POLICY_MISMATCH`),
 * fails the job at once (no retries); a transient failure (a timeout, a model server that refused
 * the connection) is retried with the job's exponential backoff, and on the
 * last attempt reported as the expert's failed result. With a model, the
 * expert's facts (its deterministic result) are published as the job's
 * progress before the model answers, for the producer's `onFacts`.
 *
 * BullMQ's own machinery does the rest: the lock is renewed while a job runs;
 * if the worker dies, another worker's stalled-job check takes the job back
 * after `lockDurationMs` and runs it; `close()` stops fetching and waits for
 * the running jobs.
 *
 * @example
 * const worker = createExpertWorker(lendingExpert, { connection, policies: [loadReferencePolicy()], concurrency: 8, rate: 20 });
 * process.once("SIGTERM", () => void worker.close());
 */
export function createExpertWorker(expert: Expert<any>, options: ExpertWorkerOptions): Worker<unknown, ExpertResult> {
  const address = expertQueue(expert.name, checkPrefix(options.prefix ?? DEFAULT_PREFIX, "worker prefix"), options.prefixScheme);
  const isTransient = options.isTransient ?? isTransientFailure;
  // Every held policy is checked against the expert now, and its parsed section cached on the policy object.
  const policies = new HeldPolicies(options.policies, expert);
  const jobTimeoutMs = options.jobTimeoutMs;
  const model = options.models?.forExpert(expert.name);
  const modelOptions = model ? { model, audit: options.models?.audit } : {};
  if (jobTimeoutMs !== undefined && !(jobTimeoutMs > 0)) throw new RangeError(`jobTimeoutMs must be positive, got ${jobTimeoutMs}`);

  // Three parameters: BullMQ passes an AbortSignal only to processors that declare one.
  const processJob = async (job: Job<unknown, ExpertResult>, token?: string, signal?: AbortSignal): Promise<ExpertResult> => {
    const id = job.id ?? "?";
    options.onRunning?.(id, "started");
    let handedBack = false;
    try {
      return await runJob(job, token, signal, () => (handedBack = true));
    } finally {
      options.onRunning?.(id, handedBack ? "handed-back" : "ended");
    }
  };

  const runJob = async (job: Job<unknown, ExpertResult>, token: string | undefined, signal: AbortSignal | undefined, onHandedBack: () => void) => {
    let data;
    try {
      data = parseExpertJobData(job.data);
    } catch (error) {
      throw new UnrecoverableError((error as JobContractError).message);
    }
    if (data.task.expert !== expert.name) {
      throw new UnrecoverableError(`a job for expert "${data.task.expert}" on the queue of "${expert.name}"`);
    }
    const policy = policies.find(data.policy);
    if (!policy) throw new UnrecoverableError(policies.mismatch(data.policy));
    // The expert runs in the job's consumer span, a child of the producer's, so its model calls join the producer's trace.
    return inConsumerSpan(address.displayName, job.id ?? "", expert.name, data.trace, async (span) => {
      const result = await runExpert(job, data, policy, token, signal, onHandedBack);
      recordJobOutcome(span, result);
      return result;
    });
  };

  const runExpert = async (
    job: Job<unknown, ExpertResult>,
    data: ReturnType<typeof parseExpertJobData>,
    policy: Policy,
    token: string | undefined,
    signal: AbortSignal | undefined,
    onHandedBack: () => void,
  ): Promise<ExpertResult> => {
    // Without a model the result follows the facts at once: publishing them would cost a write and an event for nothing.
    let published: Promise<void> | undefined;
    const onFacts = model ? (facts: ExpertResult) => void (published = job.updateProgress(facts).catch(() => {})) : undefined;
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    let timedOut = false;
    const timer =
      jobTimeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller.abort(new Error("job timeout"));
          }, jobTimeoutMs);
    let result: ExpertResult;
    try {
      result = await expert.run(requestFromJobData(data, policy), { ...modelOptions, signal: controller.signal, onFacts });
      // Written before the result, so that the producer never hears of the facts after the answer.
      await published;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
    if (result.status === "failed" && signal?.aborted && signal.reason === HAND_BACK_REASON && token) {
      // Back to the queue without using an attempt. Delayed by a moment rather than made waiting at once:
      // this worker's own blocking fetch may still be in flight while it closes, and would take the job again.
      await job.moveToDelayed(Date.now() + HAND_BACK_DELAY_MS, token);
      onHandedBack();
      throw new DelayedError();
    }
    if (timedOut && result.status === "failed") {
      result = { ...result, error: { code: "TIMEOUT", message: `job timed out after ${jobTimeoutMs} ms` } };
    }
    const attempts = job.opts.attempts ?? 1;
    if (result.status === "failed" && job.attemptsMade + 1 < attempts && isTransient(result)) {
      throw new TransientExpertFailure(result);
    }
    return result;
  };

  const worker = new Worker<unknown, ExpertResult>(address.name, processJob, {
    connection: options.connection,
    prefix: address.prefix,
    concurrency: options.concurrency ?? 4,
    name: options.name ?? `${hostname()}:${process.pid}`,
    autorun: options.autorun ?? true,
    ...retentionJobOptions(JobRetentionSchema.parse(options.retention ?? {})),
    ...(options.rate !== undefined ? { limiter: limiterFor(options.rate) } : {}),
    ...(options.lockDurationMs !== undefined ? { lockDuration: options.lockDurationMs } : {}),
    ...(options.stalledIntervalMs !== undefined ? { stalledInterval: options.stalledIntervalMs } : {}),
    ...(options.maxStalledCount !== undefined ? { maxStalledCount: options.maxStalledCount } : {}),
  });
  return worker;
}
