import type { ChildProcess } from "node:child_process";
import type { Redis } from "ioredis";
import { procCpuSeconds } from "./processes.js";

/** CPU time per job, in ms, by who spent it. */
export interface CpuPerJob {
  totalMs: number;
  producerMs: number;
  workersMs: number;
  redisMs: number;
}

/**
 * Starts counting CPU time — the producer (this process, unless
 * `producerCpu` says otherwise), the worker processes (from /proc) and Redis
 * (INFO cpu) — and returns a function that reports it per job. CPU time, unlike
 * wall time, barely changes when other work shares the machine, so it says
 * where a job's cost goes even on a busy laptop.
 *
 * @example
 * const stop = await cpuMeter(connection, workers);
 * // … run 3,000 jobs …
 * const perJob = await stop(3000); // { totalMs: 0.83, producerMs: 0.27, workersMs: 0.43, redisMs: 0.13 }
 */
export async function cpuMeter(
  connection: Redis,
  workers: readonly ChildProcess[],
  producerCpu: () => number = ownCpuSeconds,
): Promise<(jobs: number) => Promise<CpuPerJob>> {
  const redisCpu = async () => {
    const info = await connection.info("cpu");
    return Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1] ?? 0) + Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1] ?? 0);
  };
  const workerCpu = () => workers.reduce((sum, child) => sum + procCpuSeconds(child.pid), 0);
  const [r0, w0, p0] = [await redisCpu(), workerCpu(), producerCpu()];
  return async (jobs) => {
    const perJob = (seconds: number) => (seconds * 1000) / jobs;
    const producerMs = perJob(producerCpu() - p0);
    const workersMs = perJob(workerCpu() - w0);
    const redisMs = perJob((await redisCpu()) - r0);
    return { totalMs: producerMs + workersMs + redisMs, producerMs, workersMs, redisMs };
  };
}

/** User + system CPU seconds of this process. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
