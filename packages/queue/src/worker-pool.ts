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
  private active = 0;

  constructor(readonly workers: ReadonlyMap<string, Worker<unknown, ExpertResult>>) {
    for (const worker of workers.values()) {
      worker.on("active", () => void this.active++);
      worker.on("completed", () => void this.active--);
      worker.on("failed", (job) => void (job && this.active--));
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
    return Math.max(0, this.active);
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
  for (const expert of experts) {
    const perConcurrency = pick(concurrency, expert.name);
    const perRate = pick(rate, expert.name);
    const worker = createExpertWorker(expert, {
      ...shared,
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
  return new ExpertWorkerPool(workers);
}
