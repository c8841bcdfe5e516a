import type { ChildProcess } from "node:child_process";
import { spawnKyocho, stopProcess, waitForOutput } from "./processes.js";

/**
 * Starts `kyocho worker` processes — the real CLI, serving every reference
 * expert — under a benchmark's key prefix, and resolves once each has said
 * it is ready.
 *
 * @example
 * const workers = await startKyochoWorkers(2, { prefix, concurrency: 4 });
 * // … enqueue …
 * await stopKyochoWorkers(workers);
 */
export async function startKyochoWorkers(
  count: number,
  options: { prefix: string; concurrency: number; redisUrl?: string | undefined; name?: string },
): Promise<ChildProcess[]> {
  const env = { ...process.env, KYOCHO_PREFIX: options.prefix, ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}) };
  const children = Array.from({ length: count }, (_, i) =>
    spawnKyocho(["worker", "--name", `${options.name ?? "bench"}-${i}`, "--concurrency", String(options.concurrency)], { env }),
  );
  // Nothing is read from stdout; drained so that a chatty worker can never block on a full pipe.
  for (const child of children) child.stdout?.resume();
  try {
    await Promise.all(children.map((child) => waitForOutput(child, "stderr", /ready on/)));
  } catch (error) {
    await stopKyochoWorkers(children);
    throw error;
  }
  return children;
}

/** Stops the workers (SIGTERM: they finish their running jobs). */
export async function stopKyochoWorkers(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(children.map((child) => stopProcess(child)));
}
