import type { Worker } from "bullmq";
import { UserInputError, type Expert, type ExpertResult } from "@kyocho/core";
import { createExpertWorker, handBackRunningJobs, type ExpertWorkerOptions } from "./expert-worker.js";

/** What an {@link ExpertWorkerPool} reports while it runs. */
export type WorkerPoolEvent =
  | { type: "completed"; expert: string; jobId: string; status: ExpertResult["status"]; ms: number }
  | { type: "failed"; expert: string; jobId: string; attempt: number; attempts: number; willRetry: boolean; reason: string }
  | { type: "stalled"; expert: string; jobId: string }
  | { type: "error"; expert: string; message: string };

/** Options of {@link startExpertWorkers}. */
export interface ExpertWorkerPoolOptions extends Omit<ExpertWorkerOptions, "concurrency" | "rate" | "autorun"> {
  /** Jobs run at once, for every expert (`4`) or per expert (`{ lending: 2, fx: 8 }`); default 4. */
  concurrency?: number | Readonly<Record<string, number>>;
  /** Jobs per second, for every expert or per expert; default unlimited. */
  rate?: number | Readonly<Record<string, number>>;
  onEvent?: (event: WorkerPoolEvent) => void;
}

/**
 * One BullMQ worker per expert, started and closed together: what
 * `kyocho worker` runs.
 *
 * @example
 * const pool = startExpertWorkers([lendingExpert, fxExpert], { connection, policies: [policy], concurrency: { lending: 2, fx: 8 }, rate: 10 });
 * await pool.waitUntilReady();
 * process.once("SIGTERM", () => void pool.close());
 */
export class ExpertWorkerPool {
  private closing: Promise<void> | undefined;
  /** Jobs in this pool's hands, by id: taken and neither written back as finished or failed nor handed back. */
  private readonly held = new Map<string, string>();

  /**
   * `track` is what {@link startExpertWorkers} gives each worker as its
   * `onRunning`; the pool learns from it which jobs its workers started and
   * handed back.
   */
  constructor(
    readonly workers: ReadonlyMap<string, Worker<unknown, ExpertResult>>,
    track?: (listener: (expert: string, jobId: string, state: "started" | "ended" | "handed-back") => void) => void,
  ) {
    track?.((expert, jobId, state) => {
      if (state === "started") this.held.set(jobId, expert);
      if (state === "handed-back") this.held.delete(jobId);
    });
    for (const [expert, worker] of workers) {
      if (!track) worker.on("active", (job) => void this.held.set(job.id ?? "?", expert));
      // Fired once BullMQ has written the outcome to Redis: only then is the job out of this worker's hands.
      worker.on("completed", (job) => void this.held.delete(job.id ?? "?"));
      worker.on("failed", (job) => void (job && this.held.delete(job.id ?? "?")));
    }
  }

  /** The expert names this pool consumes. */
  get experts(): string[] {
    return [...this.workers.keys()];
  }

  /** Resolves once every worker's connections are ready. */
  async waitUntilReady(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.waitUntilReady()));
  }

  /** Jobs this pool is running now, over all experts. */
  get running(): number {
    return this.held.size;
  }

  /** The jobs this pool holds now, as `expert:<name> <job id>`. */
  get runningJobs(): string[] {
    return [...this.held].map(([id, expert]) => `expert:${expert} ${id}`);
  }

  /**
   * Stops taking jobs and waits for the running ones to finish (graceful).
   * With `handBack`, the running jobs are stopped and put back in their
   * queues at once for another worker (see {@link handBackRunningJobs}).
   */
  close(options: { handBack?: boolean } = {}): Promise<void> {
    // Close first, so that a worker does not fetch the jobs it is handing back.
    this.closing ??= Promise.all([...this.workers.values()].map((w) => w.close())).then(() => undefined);
    if (options.handBack) for (const worker of this.workers.values()) handBackRunningJobs(worker);
    return this.closing;
  }

  /**
   * Hands the running jobs back and closes, but gives up after `deadlineMs`
   * whatever state Redis is in: a worker told to stop must stop even when
   * its Redis has gone away (BullMQ's own `close` then waits for a server
   * that does not answer). Resolves with `closed` (whether the workers
   * closed in time) and `stranded`: the jobs that could not be handed back
   * (`expert:<name> <job id>`) — they stay locked in Redis until their lock
   * expires, then another worker's stalled-job check runs them again.
   *
   * @example
   * const { stranded } = await pool.stopWithin(5_000);
   * if (stranded.length > 0) console.error(`not handed back: ${stranded.join(", ")}`);
   */
  async stopWithin(deadlineMs: number): Promise<{ closed: boolean; stranded: string[] }> {
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      this.close({ handBack: true }).then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), deadlineMs))),
    ]);
    clearTimeout(timer);
    return { closed, stranded: this.runningJobs };
  }
}

/**
 * Starts one worker per expert (see {@link createExpertWorker}) with
 * per-expert concurrency and rate limits.
 *
 * @example
 * const pool = startExpertWorkers(referenceExperts, { connection, policies: [loadReferencePolicy()], prefix: "{kyocho}", concurrency: 8 });
 */
export function startExpertWorkers(experts: ReadonlyArray<Expert<any>>, options: ExpertWorkerPoolOptions): ExpertWorkerPool {
  if (experts.length === 0) throw new UserInputError("a worker needs at least one expert", { source: "worker" });
  const { concurrency, rate, onEvent, ...shared } = options;
  const pick = (setting: number | Readonly<Record<string, number>> | undefined, name: string) => (typeof setting === "number" ? setting : setting?.[name]);
  const workers = new Map<string, Worker<unknown, ExpertResult>>();
  const listeners: Array<(expert: string, jobId: string, state: "started" | "ended" | "handed-back") => void> = [];
  for (const expert of experts) {
    const perConcurrency = pick(concurrency, expert.name);
    const perRate = pick(rate, expert.name);
    const worker = createExpertWorker(expert, {
      ...shared,
      onRunning: (jobId, state) => {
        shared.onRunning?.(jobId, state);
        for (const listener of listeners) listener(expert.name, jobId, state);
      },
      ...(perConcurrency !== undefined ? { concurrency: perConcurrency } : {}),
      ...(perRate !== undefined ? { rate: perRate } : {}),
    });
    const name = expert.name;
    worker.on("completed", (job, result) =>
      onEvent?.({
        type: "completed",
        expert: name,
        jobId: job.id ?? "?",
        status: result.status,
        ms: (job.finishedOn ?? Date.now()) - (job.processedOn ?? Date.now()),
      }),
    );
    worker.on("failed", (job, error) => {
      if (!job) return;
      const attempts = job.opts.attempts ?? 1;
      const willRetry = job.attemptsMade < attempts && error.name !== "UnrecoverableError";
      onEvent?.({ type: "failed", expert: name, jobId: job.id ?? "?", attempt: job.attemptsMade, attempts, willRetry, reason: error.message });
    });
    worker.on("stalled", (jobId) => onEvent?.({ type: "stalled", expert: name, jobId }));
    worker.on("error", (error) => onEvent?.({ type: "error", expert: name, message: error.message }));
    workers.set(name, worker);
  }
  return new ExpertWorkerPool(workers, (listener) => listeners.push(listener));
}
