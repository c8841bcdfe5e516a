import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { cpuMeter, type CpuPerJob } from "./cpu-meter.js";
import { spawnScript, stopProcess, waitForOutput } from "./processes.js";

const RAW_WORKER = fileURLToPath(new URL("./raw-worker.ts", import.meta.url));
const QUEUE = "noop";

/** What one raw measurement gives. */
export interface RawRun {
  jobs: number;
  seconds: number;
  jobsPerSecond: number;
  cpu: CpuPerJob;
}

/**
 * Plain BullMQ, the baseline of kyocho's queue: worker processes whose
 * processor does nothing, on the same Redis, and a producer in this process.
 *
 * @example
 * const raw = await startRawBullmq(connection, prefix, { workers: 2, concurrency: 16 });
 * const bulk = await raw.bulk(3000);            // addBulk, then wait until all are completed
 * const rr = await raw.requestResponse(3000, 96); // add one, wait for its result; 96 in flight
 * await raw.close();
 */
export async function startRawBullmq(connection: Redis, prefix: string, options: { workers: number; concurrency: number }) {
  const children: ChildProcess[] = [];
  for (let w = 0; w < options.workers; w++) children.push(spawnScript(RAW_WORKER, [prefix, QUEUE, String(options.concurrency)]));
  await Promise.all(children.map((c) => waitForOutput(c, "stdout", /ready/)));
  const queue = new Queue(QUEUE, { connection, prefix });
  queue.on("error", () => {});
  let events: QueueEvents | undefined;

  /** `jobs` no-op jobs added in batches of 500, timed until the last is completed. */
  const bulk = async (jobs: number): Promise<RawRun> => {
    const before = await queue.getCompletedCount();
    const meter = await cpuMeter(connection, children);
    const started = performance.now();
    for (let i = 0; i < jobs; i += 500) {
      await queue.addBulk(
        Array.from({ length: Math.min(500, jobs - i) }, (_, k) => ({ name: QUEUE, data: { i: i + k }, opts: { removeOnComplete: { count: 100_000 } } })),
      );
    }
    while ((await queue.getCompletedCount()) - before < jobs) await new Promise((r) => setTimeout(r, 5));
    const seconds = (performance.now() - started) / 1000;
    return { jobs, seconds, jobsPerSecond: jobs / seconds, cpu: await meter(jobs) };
  };

  /** The same no-op jobs as request/response: each added alone and its result awaited, `inFlight` at a time. */
  const requestResponse = async (jobs: number, inFlight: number): Promise<RawRun> => {
    if (!events) {
      events = new QueueEvents(QUEUE, { connection, prefix });
      events.on("error", () => {});
      await events.waitUntilReady();
      // waitUntilFinished listens on the queue and the event reader once per job awaited.
      queue.setMaxListeners(inFlight + 10);
      events.setMaxListeners(2 * inFlight + 10);
    }
    const reader = events;
    let added = 0;
    const meter = await cpuMeter(connection, children);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (added < jobs) {
          added++;
          const job = await queue.add(QUEUE, { rr: added }, { removeOnComplete: { count: 100_000 } });
          await job.waitUntilFinished(reader, 60_000);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { jobs, seconds, jobsPerSecond: jobs / seconds, cpu: await meter(jobs) };
  };

  const close = async () => {
    await events?.close();
    await queue.close();
    await Promise.all(children.map((c) => stopProcess(c)));
  };
  return { bulk, requestResponse, close };
}
