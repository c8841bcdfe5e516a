import { QueueEvents, type JobsOptions, type Queue } from "bullmq";
import type { RedisClient } from "./redis-topology.js";

/** How a job ended, as far as the producer is concerned. */
export type JobOutcome =
  { state: "completed"; value: unknown } | { state: "failed"; reason: string } | { state: "timeout"; waitedMs: number } | { state: "aborted" };

/** One job to add and wait for. */
export interface WatchedJob {
  id: string;
  name: string;
  data: unknown;
  options: JobsOptions;
}

/** How {@link JobResultWatcher.submit} waits. */
export interface SubmitOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** Called with the job's progress (what its worker passed to `updateProgress`) while it runs; the caller validates it. */
  onProgress?: ((progress: unknown) => void) | undefined;
}

interface Waiter {
  job: WatchedJob;
  resolve(outcome: JobOutcome): void;
  onProgress: ((progress: unknown) => void) | undefined;
  /** True once `add` has returned: only then can "not in Redis" mean the job was lost. */
  added: boolean;
  submittedAt: number;
  lastCheck: number;
}

/**
 * Adds jobs to one BullMQ queue and resolves each with its outcome. Results
 * (and, before them, a job's progress) arrive through the queue's event
 * stream (`QueueEvents`), read from the
 * stream entry that was last when the watcher opened, so an event written
 * between `add` and the first read is not missed. Three more cases are
 * covered without events:
 *
 * - the job already existed (a re-submitted question): BullMQ emits
 *   `duplicated`, and the stored outcome is read from the job — a completed
 *   job's result is returned without running it again; a job that failed for
 *   good is retried, since its failure was the infrastructure's, not the
 *   expert's (an expert's own failure is a *completed* job with a failed
 *   result);
 * - an event was lost (the stream is capped, connections drop): every
 *   `pollIntervalMs` the jobs still waiting are looked up (a running job's
 *   progress included);
 * - the job vanished (Redis restarted without persistence, someone cleaned
 *   the queue): it is added again, under the same id.
 *
 * @example
 * const watcher = await JobResultWatcher.open(queue, connection);
 * const outcome = await watcher.submit({ id: "a-1@fx", name: "fx", data: request, options: {} });
 */
export class JobResultWatcher {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private readonly poller: NodeJS.Timeout;
  private polling = false;
  private closed = false;

  private constructor(
    readonly queue: Queue,
    private readonly events: QueueEvents,
    private readonly pollIntervalMs: number,
  ) {
    events.on("completed", ({ jobId, returnvalue }) => this.settle(jobId, { state: "completed", value: returnvalue }));
    // BullMQ writes `failed` only when a job has failed for good (no attempts left, or stalled too often).
    events.on("failed", ({ jobId, failedReason }) => this.settle(jobId, { state: "failed", reason: failedReason }));
    events.on("duplicated", ({ jobId }) => void this.check(jobId));
    events.on("progress", ({ jobId, data }) => this.progress(jobId, data));
    // A dropped connection is retried by QueueEvents itself; the poll covers anything missed meanwhile.
    events.on("error", () => {});
    this.poller = setInterval(() => void this.poll(), Math.max(50, Math.floor(pollIntervalMs / 2)));
    this.poller.unref();
  }

  /**
   * Opens a watcher over `queue`. `connection` is duplicated for the blocking
   * event reader (it needs `maxRetriesPerRequest: null`, as BullMQ requires).
   */
  static async open(queue: Queue, connection: RedisClient, options: { pollIntervalMs?: number } = {}): Promise<JobResultWatcher> {
    const last = (await connection.xrevrange(queue.keys.events!, "+", "-", "COUNT", 1)) as Array<[string, string[]]>;
    const lastEventId = last[0]?.[0] ?? "0-0";
    const events = new QueueEvents(queue.name, {
      connection,
      prefix: queue.opts.prefix!,
      lastEventId,
      blockingTimeout: 5_000,
    });
    return new JobResultWatcher(queue, events, options.pollIntervalMs ?? 5_000);
  }

  /** Adds `job` (or finds it, when its id exists) and resolves with its outcome. */
  async submit(job: WatchedJob, options: SubmitOptions = {}): Promise<JobOutcome> {
    if (this.closed) throw new Error(`the result watcher of queue ${this.queue.name} is closed`);
    if (options.signal?.aborted) return { state: "aborted" };
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    let waiter!: Waiter;
    const outcome = new Promise<JobOutcome>((resolve) => {
      waiter = { job, resolve, onProgress: options.onProgress, added: false, submittedAt: started, lastCheck: started };
    });
    // Registered before the add, so that a result arriving at once finds its waiter.
    this.register(waiter);
    const onAbort = () => this.release(waiter, { state: "aborted" });
    options.signal?.addEventListener("abort", onAbort, { once: true });
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => this.release(waiter, { state: "timeout", waitedMs: Date.now() - started }), options.timeoutMs);
    }
    try {
      await this.queue.add(job.name, job.data, { ...job.options, jobId: job.id });
      waiter.added = true;
      return await outcome;
    } catch (error) {
      this.unregister(waiter);
      throw error;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    }
  }

  /** How many jobs are being waited for. */
  get pending(): number {
    let n = 0;
    for (const set of this.waiters.values()) n += set.size;
    return n;
  }

  /** Stops reading events; jobs still being waited for resolve as `aborted`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.poller);
    for (const id of [...this.waiters.keys()]) this.settle(id, { state: "aborted" });
    await this.events.close();
  }

  private register(waiter: Waiter): void {
    let set = this.waiters.get(waiter.job.id);
    if (!set) this.waiters.set(waiter.job.id, (set = new Set()));
    set.add(waiter);
  }

  private unregister(waiter: Waiter): void {
    const set = this.waiters.get(waiter.job.id);
    set?.delete(waiter);
    if (set?.size === 0) this.waiters.delete(waiter.job.id);
  }

  private release(waiter: Waiter, outcome: JobOutcome): void {
    this.unregister(waiter);
    waiter.resolve(outcome);
  }

  private settle(jobId: string, outcome: JobOutcome): void {
    const set = this.waiters.get(jobId);
    if (!set) return;
    this.waiters.delete(jobId);
    for (const waiter of set) waiter.resolve(outcome);
  }

  private progress(jobId: string, progress: unknown): void {
    const set = this.waiters.get(jobId);
    if (!set) return;
    for (const waiter of set) waiter.onProgress?.(progress);
  }

  /**
   * Reads the job's state from Redis and settles its waiters if it is
   * finished; a failed job is retried, a vanished one added again.
   */
  private async check(jobId: string): Promise<void> {
    const set = this.waiters.get(jobId);
    if (!set || set.size === 0) return;
    for (const waiter of set) waiter.lastCheck = Date.now();
    try {
      // The state is read before the job: a job read first and completed a moment later would report
      // "completed" with the return value it had when read (none). Completion sets both atomically.
      const state = await this.queue.getJobState(jobId);
      const job = state === "unknown" ? undefined : await this.queue.getJob(jobId);
      if (!job) {
        const waiter = [...set].find((w) => w.added);
        if (waiter) await this.queue.add(waiter.job.name, waiter.job.data, { ...waiter.job.options, jobId });
        return;
      }
      if (state === "completed") {
        this.settle(jobId, { state: "completed", value: job.returnvalue });
      } else if (state === "active" && typeof job.progress === "object" && job.progress !== null) {
        // A running job whose progress event came before this waiter did (a re-submission), or was missed.
        this.progress(jobId, job.progress);
      } else if (state === "failed") {
        const firstAsked = Math.min(...[...set].map((w) => w.submittedAt));
        if ((job.finishedOn ?? 0) >= firstAsked) {
          // It failed for good while we waited (and we missed the event): that is its outcome.
          this.settle(jobId, { state: "failed", reason: job.failedReason || "failed" });
        } else {
          // It had failed before anyone here asked (an earlier submission): give it another run.
          await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
        }
      }
    } catch {
      // Redis is unreachable or the job changed under us; the next poll looks again.
    }
  }

  private async poll(): Promise<void> {
    if (this.polling || this.closed) return;
    this.polling = true;
    try {
      const due = Date.now() - this.pollIntervalMs;
      const ids = [...this.waiters.entries()].filter(([, set]) => [...set].some((w) => w.added && w.lastCheck <= due)).map(([id]) => id);
      for (let i = 0; i < ids.length; i += 50) await Promise.all(ids.slice(i, i + 50).map((id) => this.check(id)));
    } finally {
      this.polling = false;
    }
  }
}
