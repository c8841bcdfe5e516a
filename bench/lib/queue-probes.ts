import type { Redis } from "ioredis";
import { openExpertQueue } from "@kyocho/queue";

/**
 * Waits until every named expert queue lists at least `count` workers
 * (their blocking connections are up, so the first job is not kept waiting).
 *
 * @example
 * await waitForExpertWorkers(connection, prefix, ["lending", "fx"], 2);
 */
export async function waitForExpertWorkers(connection: Redis, prefix: string, experts: readonly string[], count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all(
      experts.map(async (name) => {
        const queue = openExpertQueue(name, { connection, prefix, skipMetasUpdate: true });
        try {
          return await queue.getWorkersCount();
        } finally {
          await queue.close();
        }
      }),
    );
    if (counts.every((n) => n >= count)) return;
    if (Date.now() > deadline) throw new Error(`expert workers not ready after ${timeoutMs} ms: ${counts.join(", ")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The span of the jobs the expert queues completed since `sinceMs` (epoch
 * ms): how many, from the first one's enqueue to the last one's finish. Read
 * from the completed sets (score = finish time) and each job's `timestamp`,
 * without loading the jobs' data.
 *
 * @example
 * const span = await completedSpan(connection, prefix, experts, started);
 * const jobsPerSecond = span.jobs / (span.ms / 1000);
 */
export async function completedSpan(connection: Redis, prefix: string, experts: readonly string[], sinceMs: number): Promise<{ jobs: number; ms: number }> {
  let jobs = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const name of experts) {
    const queue = openExpertQueue(name, { connection, prefix, skipMetasUpdate: true });
    try {
      const entries = await connection.zrangebyscore(queue.keys.completed!, sinceMs, "+inf", "WITHSCORES");
      const ids: string[] = [];
      for (let i = 0; i < entries.length; i += 2) {
        ids.push(entries[i]!);
        last = Math.max(last, Number(entries[i + 1]));
      }
      jobs += ids.length;
      const pipeline = connection.pipeline();
      for (const id of ids) pipeline.hget(queue.toKey(id), "timestamp");
      for (const [, value] of (await pipeline.exec()) ?? []) {
        const enqueued = Number(value);
        if (Number.isFinite(enqueued) && enqueued > 0) first = Math.min(first, enqueued);
      }
    } finally {
      await queue.close();
    }
  }
  return { jobs, ms: jobs === 0 ? Number.NaN : last - first };
}
