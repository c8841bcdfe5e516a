/**
 * `npm run bench:queue` — what kyocho's queue costs on top of BullMQ.
 *
 * On the same Redis, with the same number of worker processes and the same
 * job slots per process, one run measures:
 *   1. kyocho: `kyocho batch --queue` over 1,000 questions with two
 *      `kyocho worker` processes running the embedded experts (its progress
 *      bar is shown), in sub-task jobs/s and questions/s;
 *   2. kyocho's queue layer alone: the same kind of sub-tasks through
 *      `QueueExecutor`, scheduled without the council graph;
 *   3. raw BullMQ: no-op jobs through plain BullMQ workers, added in bulk
 *      (the baseline) and as request/response (add, await the result);
 * and prints jobs/s, CPU per job (producer, workers, Redis) and the ratios.
 * Everything lives under a throw-away key prefix, deleted at the end.
 *
 * Settings (environment): REDIS_URL, BENCH_WORKERS (2), BENCH_CONCURRENCY
 * (per expert queue in a kyocho worker; 4), BENCH_LINES (1000),
 * BENCH_BATCH_CONCURRENCY (questions in flight; 32), BENCH_RAW_JOBS (the
 * number of sub-task jobs the kyocho batch ran, at least 3000).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Queue, QueueEvents, Worker } from "bullmq";
import { nextStep, readDataFile, type ExpertResult } from "@kyocho/core";
import { createReferenceCouncil } from "@kyocho/graphs";
import { createRedisConnection, openExpertQueue, QueueExecutor } from "@kyocho/queue";
import { deleteKeys } from "../packages/queue/src/testing/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "packages/cli/bin/kyocho.js");
const CASE = join(ROOT, "examples/cases/acquisition-finance.yaml");
const EXPERTS = ["lending", "legal", "fx", "markets"];
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const WORKERS = env("BENCH_WORKERS", 2);
const CONCURRENCY = env("BENCH_CONCURRENCY", 4);
const LINES = env("BENCH_LINES", 1000);
const BATCH_CONCURRENCY = env("BENCH_BATCH_CONCURRENCY", 32);
const REDIS_URL = process.env.REDIS_URL;

if (process.argv[2] === "raw-worker") await rawWorker(process.argv[3]!, Number(process.argv[4]));
else await main();

/** A child process: one plain BullMQ worker with a no-op processor. */
async function rawWorker(prefix: string, concurrency: number): Promise<void> {
  const connection = createRedisConnection(REDIS_URL);
  const worker = new Worker("noop", async () => ({ ok: true }), { connection, prefix, concurrency });
  await worker.waitUntilReady();
  process.stdout.write("ready\n");
  process.once("SIGTERM", () => void worker.close().then(() => connection.disconnect()));
}

async function main(): Promise<void> {
  const prefix = `{kyocho-bench-${randomUUID().slice(0, 8)}}`;
  const connection = createRedisConnection(REDIS_URL);
  const dir = mkdtempSync(join(tmpdir(), "kyocho-bench-"));
  const children: ChildProcess[] = [];
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    say(`kyocho queue benchmark: ${cpus().length} CPU(s), Redis ${REDIS_URL ?? "redis://127.0.0.1:6379"}, ${WORKERS} worker process(es), prefix ${prefix}`);

    // --- kyocho: `kyocho batch --queue` with `kyocho worker` processes -------------------------------------
    const input = join(dir, "questions.jsonl");
    const output = join(dir, "answers.jsonl");
    writeFileSync(
      input,
      Array.from({ length: LINES }, (_, i) =>
        JSON.stringify({ id: `q${i}`, question: `Can we lend USD ${100 + (i % 400)}m to Sakura Precision to buy Pacific Components? (#${i})`, caseFile: CASE }),
      ).join("\n") + "\n",
    );
    const kyochoEnv = { ...process.env, KYOCHO_PREFIX: prefix };
    for (let w = 0; w < WORKERS; w++) {
      const child = spawn(process.execPath, [BIN, "worker", "--name", `bench-${w}`, "--concurrency", String(CONCURRENCY)], { env: kyochoEnv, stdio: ["ignore", "ignore", "pipe"] });
      children.push(child);
    }
    await Promise.all(children.map((c) => waitForExitOrReady(c, /ready on/, true)));
    await waitForWorkers(connection, prefix, WORKERS);
    say(`\n[kyocho] kyocho batch --queue over ${LINES} questions (${BATCH_CONCURRENCY} in flight), ${WORKERS} × kyocho worker --concurrency ${CONCURRENCY} (per expert queue):`);
    const batchStarted = performance.now();
    const batch = spawn(process.execPath, [BIN, "batch", input, "--out", output, "--queue", "--concurrency", String(BATCH_CONCURRENCY)], {
      env: kyochoEnv,
      stdio: ["ignore", "inherit", "inherit"],
    });
    const code = await new Promise<number | null>((resolve) => batch.once("exit", resolve));
    const batchSeconds = (performance.now() - batchStarted) / 1000;
    if (code !== 0) throw new Error(`kyocho batch exited with ${code}`);
    const lines = readFileSync(output, "utf8").trim().split("\n");
    const assessed = lines.filter((l) => l.includes('"assessment"')).length;
    const completedBefore = await completedJobs(connection, prefix);

    const jobs = completedBefore;
    const first = Math.min(...jobs.map((j) => j.timestamp));
    const last = Math.max(...jobs.map((j) => j.finishedOn ?? 0));
    const kyochoSeconds = (last - first) / 1000;
    const kyochoJobsPerSecond = jobs.length / kyochoSeconds;
    say(`[kyocho] ${lines.length} output lines (${assessed} assessments) in ${batchSeconds.toFixed(2)} s wall (CLI start included): ${(assessed / batchSeconds).toFixed(1)} questions/s`);
    say(`[kyocho] ${jobs.length} sub-task jobs between the first enqueue and the last result: ${kyochoSeconds.toFixed(2)} s → ${kyochoJobsPerSecond.toFixed(0)} jobs/s`);

    // --- kyocho's queue layer alone: the same sub-tasks through QueueExecutor, scheduled without the council graph ----
    const council = createReferenceCouncil();
    const c = council.parseCase(readDataFile(CASE, "case file"), "case");
    const executor = new QueueExecutor({ connection, prefix });
    await executor.open(EXPERTS);
    const plans = await Promise.all(Array.from({ length: LINES }, (_, i) => council.plan({ question: `Layer check ${i}: can we lend?`, case: c })));
    let executed = 0;
    const layerCpu = await cpuMeter(connection, children);
    const layerStarted = performance.now();
    const assessOne = async (i: number) => {
      const plan = plans[i]!;
      const results: Record<string, ExpertResult> = {};
      for (let step = nextStep(plan, results); step.ready.length > 0; step = nextStep(plan, results)) {
        await Promise.all(step.ready.map(async (task) => {
          const dependencies = Object.fromEntries(task.dependsOn.map((d) => [results[d]!.expert, results[d]!]));
          results[task.id] = await executor.execute({ assessmentId: `layer-${i}`, task, case: c, policy: council.policy, dependencies });
          executed++;
        }));
      }
    };
    // Twice the batch's questions in flight: about as many sub-tasks in flight (~96) as the request/response baseline below,
    // since a question has a dependent sub-task (lending after fx) and so spends part of its time with one job out.
    const layerInFlight = BATCH_CONCURRENCY * 2;
    let next = 0;
    await Promise.all(Array.from({ length: layerInFlight }, async () => {
      while (next < LINES) await assessOne(next++);
    }));
    const layerSeconds = (performance.now() - layerStarted) / 1000;
    const layerJobsPerSecond = executed / layerSeconds;
    const layerCost = await layerCpu(executed);
    await executor.close();
    say(`\n[kyocho queue layer] the same ${executed} sub-tasks through QueueExecutor (${layerInFlight} questions in flight, no council graph): ${layerSeconds.toFixed(2)} s → ${layerJobsPerSecond.toFixed(0)} jobs/s; CPU per job: ${layerCost}`);
    for (const child of children.splice(0)) await stop(child);

    // --- raw BullMQ: no-op jobs, same Redis, same worker processes and slots -------------------------------
    const rawJobs = env("BENCH_RAW_JOBS", Math.max(3000, jobs.length));
    const rawConcurrency = CONCURRENCY * EXPERTS.length;
    for (let w = 0; w < WORKERS; w++) {
      const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "raw-worker", prefix, String(rawConcurrency)], {
        env: process.env,
        stdio: ["ignore", "pipe", "inherit"],
      });
      children.push(child);
    }
    await Promise.all(children.map((c) => waitForExitOrReady(c, /ready/)));
    const noop = new Queue("noop", { connection, prefix });
    const bulkCpu = await cpuMeter(connection, children);
    const rawStarted = performance.now();
    for (let i = 0; i < rawJobs; i += 500) {
      await noop.addBulk(Array.from({ length: Math.min(500, rawJobs - i) }, (_, k) => ({ name: "noop", data: { i: i + k } })));
    }
    while ((await noop.getCompletedCount()) < rawJobs) await new Promise((r) => setTimeout(r, 5));
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    const rawJobsPerSecond = rawJobs / rawSeconds;
    const bulkCost = await bulkCpu(rawJobs);
    say(`\n[raw BullMQ] ${rawJobs} no-op jobs (addBulk), ${WORKERS} worker process(es) × concurrency ${rawConcurrency}: ${rawSeconds.toFixed(2)} s → ${rawJobsPerSecond.toFixed(0)} jobs/s; CPU per job: ${bulkCost}`);

    // The same no-op jobs as request/response: each added alone and awaited, as many in flight as kyocho's batch has.
    const events = new QueueEvents("noop", { connection, prefix });
    await events.waitUntilReady();
    const inFlight = BATCH_CONCURRENCY * 3;
    // waitUntilFinished listens on the queue and the event reader once per job awaited.
    noop.setMaxListeners(inFlight + 10);
    events.setMaxListeners(2 * inFlight + 10);
    let added = 0;
    const rrCpu = await cpuMeter(connection, children);
    const rrStarted = performance.now();
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (added < rawJobs) {
        added++;
        const job = await noop.add("noop", { rr: added });
        await job.waitUntilFinished(events, 60_000);
      }
    }));
    const rrSeconds = (performance.now() - rrStarted) / 1000;
    const rrJobsPerSecond = rawJobs / rrSeconds;
    const rrCost = await rrCpu(rawJobs);
    await events.close();
    await noop.close();
    say(`[raw BullMQ] the same ${rawJobs} no-op jobs as request/response (add, then wait for the result; ${inFlight} in flight): ${rrSeconds.toFixed(2)} s → ${rrJobsPerSecond.toFixed(0)} jobs/s; CPU per job: ${rrCost}`);

    say(`\nkyocho batch sub-task jobs/s ÷ raw BullMQ no-op jobs/s = ${kyochoJobsPerSecond.toFixed(0)} ÷ ${rawJobsPerSecond.toFixed(0)} = ${(kyochoJobsPerSecond / rawJobsPerSecond).toFixed(2)}`);
    say(`kyocho queue layer jobs/s ÷ raw BullMQ no-op jobs/s  = ${layerJobsPerSecond.toFixed(0)} ÷ ${rawJobsPerSecond.toFixed(0)} = ${(layerJobsPerSecond / rawJobsPerSecond).toFixed(2)}`);
    say(`kyocho queue layer jobs/s ÷ raw request/response jobs/s = ${layerJobsPerSecond.toFixed(0)} ÷ ${rrJobsPerSecond.toFixed(0)} = ${(layerJobsPerSecond / rrJobsPerSecond).toFixed(2)}`);
  } finally {
    for (const child of children) await stop(child);
    await deleteKeys(connection, prefix);
    connection.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until a child prints `pattern` on stdout (or, with `stderr`, anything on stderr: the kyocho worker's ready line). */
function waitForExitOrReady(child: ChildProcess, pattern: RegExp, stderr = false): Promise<void> {
  const stream = stderr ? child.stderr : child.stdout;
  return new Promise((resolve, reject) => {
    if (!stream) return resolve();
    let text = "";
    stream.setEncoding("utf8");
    stream.on("data", (d: string) => {
      text += d;
      if (pattern.test(text)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`a benchmark process exited (${code}) before it was ready: ${text}`)));
  });
}

/**
 * Starts counting CPU time — this process (the producer), the worker processes
 * (from /proc, on Linux) and Redis (INFO cpu) — and returns a function that
 * reports it per job. CPU time, unlike wall time, barely changes when other
 * work shares the machine.
 */
async function cpuMeter(connection: ReturnType<typeof createRedisConnection>, workers: ChildProcess[]): Promise<(jobs: number) => Promise<string>> {
  const redisCpu = async () => {
    const info = await connection.info("cpu");
    return Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1] ?? 0) + Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1] ?? 0);
  };
  const workerCpu = () => workers.reduce((sum, child) => sum + procCpuSeconds(child.pid), 0);
  const [r0, w0, p0] = [await redisCpu(), workerCpu(), process.cpuUsage()];
  return async (jobs) => {
    const p = process.cpuUsage(p0);
    const ms = (seconds: number) => ((seconds * 1000) / jobs).toFixed(3);
    const producer = (p.user + p.system) / 1e6;
    const worker = workerCpu() - w0;
    const redis = (await redisCpu()) - r0;
    return `${ms(producer + worker + redis)} ms (producer ${ms(producer)}, workers ${ms(worker)}, Redis ${ms(redis)})`;
  };
}

/** User + system CPU seconds of a process, from /proc (0 where there is no /proc). */
function procCpuSeconds(pid: number | undefined): number {
  const path = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(path)) return 0;
  const fields = readFileSync(path, "utf8").split(") ")[1]!.split(" ");
  // utime and stime are fields 14 and 15 of stat; after "pid (comm) " they are at 11 and 12. Clock ticks are 100/s on Linux.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The completed jobs of the expert queues. */
async function completedJobs(connection: ReturnType<typeof createRedisConnection>, prefix: string) {
  const jobs = await Promise.all(EXPERTS.map(async (name) => {
    const queue = openExpertQueue(name, { connection, prefix });
    const done = await queue.getJobs(["completed"]);
    await queue.close();
    return done;
  }));
  return jobs.flat();
}

/** Waits until every expert queue lists `count` workers (the workers' blocking connections are up). */
async function waitForWorkers(connection: ReturnType<typeof createRedisConnection>, prefix: string, count: number): Promise<void> {
  for (;;) {
    const counts = await Promise.all(EXPERTS.map(async (name) => {
      const queue = openExpertQueue(name, { connection, prefix });
      const n = await queue.getWorkersCount();
      await queue.close();
      return n;
    }));
    if (counts.every((n) => n >= count)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
