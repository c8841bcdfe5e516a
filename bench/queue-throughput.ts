/**
 * `npm run bench:queue` — section 3 of `npm run bench` alone: what kyocho's
 * queue costs on top of BullMQ. On the same Redis, with the same worker
 * processes and job slots, side by side and repeated: `kyocho batch --queue`
 * (the council graph per question, sub-tasks to `kyocho worker`s), the queue
 * layer alone (`QueueExecutor` without the graph), and raw BullMQ no-op jobs
 * (addBulk, and request/response); jobs/s, CPU per job and the ratios.
 * Everything lives under a throw-away key prefix, deleted at the end.
 *
 * Settings (environment): REDIS_URL, BENCH_WORKERS (2), BENCH_CONCURRENCY
 * (per expert queue in a kyocho worker; 4), BENCH_LINES (questions per run;
 * 1,000, the batch size the queue issue names), BENCH_BATCH_CONCURRENCY (questions in flight; 32), BENCH_REPEATS (3).
 */
import { createRedisConnection } from "@kyocho/queue";
import { renderTable } from "./lib/table.js";
import { benchQueueOverhead } from "./sections/queue-overhead.js";
import { FULL_SETTINGS } from "./settings.js";

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got ${process.env[name]}`);
  return value;
};
const settings = {
  workers: env("BENCH_WORKERS", FULL_SETTINGS.queue.workers),
  concurrency: env("BENCH_CONCURRENCY", FULL_SETTINGS.queue.concurrency),
  questions: env("BENCH_LINES", 1_000),
  batchInFlight: env("BENCH_BATCH_CONCURRENCY", FULL_SETTINGS.queue.batchInFlight),
  repeats: env("BENCH_REPEATS", FULL_SETTINGS.queue.repeats),
};
const redisUrl = process.env.REDIS_URL;
const connection = createRedisConnection(redisUrl);
try {
  const { rows } = await benchQueueOverhead(settings, { connection, redisUrl, log: (line) => process.stderr.write(`bench: ${line}\n`) });
  process.stdout.write(`\n${renderTable(rows)}`);
} finally {
  connection.disconnect();
}
