import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nextStep } from "@kyocho/core/plan";
import type { ExpertResult, Plan } from "@kyocho/core";
import { createReferenceCouncil } from "@kyocho/reference-council";
import { QueueExecutor } from "@kyocho/queue";
import { deleteKeys } from "@kyocho/queue/testing";
import type { BenchContext, SectionResult } from "../lib/bench-context.js";
import { cpuMeter, type CpuPerJob } from "../lib/cpu-meter.js";
import { FOUR_EXPERT_CASE, fourExpertQuestion, loadFourExpertCase } from "../lib/fixtures.js";
import { jobBytes } from "../lib/job-bytes.js";
import { startKyochoWorkers, stopKyochoWorkers } from "../lib/kyocho-workers.js";
import { reapedChildrenCpuSeconds, spawnKyocho, waitForExit } from "../lib/processes.js";
import { completedSpan, waitForExpertWorkers } from "../lib/queue-probes.js";
import { startRawBullmq } from "../lib/raw-bullmq.js";
import { median, round } from "../lib/stats.js";
import { fmt } from "../lib/table.js";
import type { BenchSettings } from "../settings.js";

const EXPERTS = ["lending", "legal", "fx", "markets"];

/** Jobs per second and CPU ms per job of one way of running jobs (medians over the repeats). */
export interface QueueRun {
  jobsPerSecond: number;
  cpuPerJob: CpuPerJob;
  samples: number[];
}

export interface QueueOverheadFigures {
  workers: number;
  /** Job slots per worker process: `concurrency` per expert queue × 4 experts for kyocho, the same in one queue for raw BullMQ. */
  slotsPerWorker: number;
  jobsPerRun: number;
  /** `kyocho batch --queue` (the council graph per question, sub-tasks to `kyocho worker`s), from first enqueue to last result. */
  kyochoBatch: QueueRun & { questionsPerSecond: number };
  /** The same sub-tasks through `QueueExecutor` alone, scheduled without the council graph. */
  kyochoQueueLayer: QueueRun;
  /** No-op jobs added with addBulk: the issue's baseline. */
  rawBulk: QueueRun;
  /** No-op jobs added one by one, each result awaited: the same shape of work as kyocho's. */
  rawRequestResponse: QueueRun;
  /** kyocho batch ÷ raw bulk: the issue's ratio (design promise ≥ 0.5). */
  ratio: number;
  layerRatio: number;
  /** Queue layer ÷ raw request/response: the issue's key (target ≥ 0.5). */
  layerToRawRequestResponse: number;
  /** Mean JSON bytes of the job data of the four-expert case's four sub-tasks (target ≤ 2,000). */
  jobBytes: number;
  /** The same, per sub-task. */
  jobBytesByTask: Record<string, number>;
}

/**
 * Section 3 — queue overhead: on the same Redis, with the same worker
 * processes and job slots, kyocho's sub-task jobs (embedded experts) against
 * raw BullMQ no-op jobs, in the same run, repeated and interleaved.
 */
export async function benchQueueOverhead(settings: BenchSettings["queue"], context: BenchContext): Promise<SectionResult<QueueOverheadFigures>> {
  const { connection, redisUrl } = context;
  const prefix = `{kyocho-bench-q-${randomUUID().slice(0, 8)}}`;
  const dir = mkdtempSync(join(tmpdir(), "kyocho-bench-queue-"));
  const slots = settings.concurrency * EXPERTS.length;
  const env = { ...process.env, KYOCHO_PREFIX: prefix, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) };
  const workers = await startKyochoWorkers(settings.workers, { prefix, concurrency: settings.concurrency, redisUrl });
  const raw = await startRawBullmq(connection, prefix, { workers: settings.workers, concurrency: slots });
  const council = createReferenceCouncil();
  const c = loadFourExpertCase(council);
  const executor = new QueueExecutor({ connection, prefix });
  let startupCpu = 0;
  const bytes = await jobBytes(council, fourExpertQuestion("bytes"), c);
  try {
    await waitForExpertWorkers(connection, prefix, EXPERTS, settings.workers);
    await executor.open(EXPERTS);
    startupCpu = await batchStartupCpu(dir, env);
    context.log(
      `queue: ${settings.workers} worker process(es) × ${slots} slots; ${settings.repeats} × (kyocho batch --queue over ${settings.questions} questions, the queue layer alone, raw BullMQ bulk and request/response)`,
    );

    const batch: Array<{ jobsPerSecond: number; questionsPerSecond: number; cpu: CpuPerJob }> = [];
    const layer: Array<{ jobsPerSecond: number; cpu: CpuPerJob }> = [];
    const bulk: Array<{ jobsPerSecond: number; cpu: CpuPerJob }> = [];
    const rr: Array<{ jobsPerSecond: number; cpu: CpuPerJob }> = [];
    let jobsPerRun = 0;
    for (let r = 0; r < settings.repeats; r++) {
      const b = await runBatch(r);
      batch.push(b);
      jobsPerRun = b.jobs;
      layer.push(await runLayer(r));
      const bulkRun = await raw.bulk(jobsPerRun);
      bulk.push(bulkRun);
      const rrRun = await raw.requestResponse(jobsPerRun, settings.batchInFlight * 3);
      rr.push(rrRun);
      context.log(
        `queue: repeat ${r + 1}: kyocho batch ${b.jobsPerSecond.toFixed(0)} jobs/s, queue layer ${layer.at(-1)!.jobsPerSecond.toFixed(0)}, raw bulk ${bulkRun.jobsPerSecond.toFixed(0)}, raw request/response ${rrRun.jobsPerSecond.toFixed(0)}`,
      );
    }

    const summary = (runs: Array<{ jobsPerSecond: number; cpu: CpuPerJob }>): QueueRun => ({
      jobsPerSecond: round(median(runs.map((x) => x.jobsPerSecond)), 0),
      cpuPerJob: {
        totalMs: round(median(runs.map((x) => x.cpu.totalMs)), 3),
        producerMs: round(median(runs.map((x) => x.cpu.producerMs)), 3),
        workersMs: round(median(runs.map((x) => x.cpu.workersMs)), 3),
        redisMs: round(median(runs.map((x) => x.cpu.redisMs)), 3),
      },
      samples: runs.map((x) => round(x.jobsPerSecond, 0)),
    });
    const ratioOf = (a: Array<{ jobsPerSecond: number }>, b: Array<{ jobsPerSecond: number }>) =>
      round(median(a.map((x, i) => x.jobsPerSecond / b[i]!.jobsPerSecond)), 3);
    const figures: QueueOverheadFigures = {
      workers: settings.workers,
      slotsPerWorker: slots,
      jobsPerRun,
      kyochoBatch: { ...summary(batch), questionsPerSecond: round(median(batch.map((x) => x.questionsPerSecond)), 1) },
      kyochoQueueLayer: summary(layer),
      rawBulk: summary(bulk),
      rawRequestResponse: summary(rr),
      ratio: ratioOf(batch, bulk),
      layerRatio: ratioOf(layer, bulk),
      layerToRawRequestResponse: ratioOf(layer, rr),
      jobBytes: bytes.mean,
      jobBytesByTask: bytes.byTask,
    };
    return { figures, rows: rowsOf(figures, startupCpu) };
  } finally {
    await executor.close();
    await raw.close();
    await stopKyochoWorkers(workers);
    await deleteKeys(connection, prefix);
    rmSync(dir, { recursive: true, force: true });
  }

  /** `kyocho batch --queue` over fresh questions: sub-task jobs/s from the first enqueue to the last result. */
  async function runBatch(repeat: number) {
    const input = join(dir, `questions-${repeat}.jsonl`);
    const output = join(dir, `answers-${repeat}.jsonl`);
    const lines = Array.from({ length: settings.questions }, (_, i) =>
      JSON.stringify({ id: `q${repeat}-${i}`, question: fourExpertQuestion(`queue-${repeat}-${i}`), caseFile: FOUR_EXPERT_CASE }),
    );
    writeFileSync(input, `${lines.join("\n")}\n`);
    const since = Date.now();
    const meter = await cpuMeter(connection, workers, reapedChildrenCpuSeconds);
    const started = performance.now();
    const result = await waitForExit(
      spawnKyocho(["batch", input, "--out", output, "--queue", "--concurrency", String(settings.batchInFlight), "--quiet"], { env }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (result.code !== 0) throw new Error(`kyocho batch --queue exited with ${result.code}: ${result.stderr.slice(-500)}`);
    const assessed = readFileSync(output, "utf8")
      .split("\n")
      .filter((l) => l.includes('"assessment"')).length;
    if (assessed !== settings.questions) throw new Error(`kyocho batch --queue assessed ${assessed} of ${settings.questions} questions`);
    const span = await completedSpan(connection, prefix, EXPERTS, since);
    const cpu = await meter(span.jobs);
    return {
      jobs: span.jobs,
      jobsPerSecond: span.jobs / (span.ms / 1000),
      questionsPerSecond: settings.questions / seconds,
      // The batch process's start-up (loading, connecting) is not a job's cost: an empty batch's CPU is taken off.
      cpu: { ...cpu, producerMs: cpu.producerMs - (startupCpu * 1000) / span.jobs, totalMs: cpu.totalMs - (startupCpu * 1000) / span.jobs },
    };
  }

  /** The same sub-tasks through QueueExecutor, scheduled with `nextStep` in this process, no council graph. */
  async function runLayer(repeat: number) {
    const plans: Plan[] = [];
    for (let i = 0; i < settings.questions; i++) plans.push(await council.plan({ question: fourExpertQuestion(`layer-${repeat}-${i}`), case: c }));
    let executed = 0;
    let next = 0;
    const meter = await cpuMeter(connection, workers);
    const started = performance.now();
    const assessOne = async (i: number) => {
      const plan = plans[i]!;
      const results: Record<string, ExpertResult> = {};
      for (let step = nextStep(plan, results); step.ready.length > 0; step = nextStep(plan, results)) {
        await Promise.all(
          step.ready.map(async (task) => {
            const dependencies = Object.fromEntries(task.dependsOn.map((d) => [results[d]!.expert, results[d]!]));
            results[task.id] = await executor.execute({ assessmentId: `layer-${prefix}-${repeat}-${i}`, task, case: c, policy: council.policy, dependencies });
            executed++;
          }),
        );
      }
    };
    // Twice the batch's questions in flight: about as many sub-tasks in flight as the batch, since a question spends part of its time with one job out.
    await Promise.all(
      Array.from({ length: settings.batchInFlight * 2 }, async () => {
        while (next < plans.length) await assessOne(next++);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { jobsPerSecond: executed / seconds, cpu: await meter(executed) };
  }
}

/** CPU seconds of a `kyocho batch --queue` over an empty input: its start-up and shutdown. */
async function batchStartupCpu(dir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const input = join(dir, "empty.jsonl");
  writeFileSync(input, "");
  const before = reapedChildrenCpuSeconds();
  const result = await waitForExit(spawnKyocho(["batch", input, "--out", join(dir, "empty-out.jsonl"), "--queue", "--quiet"], { env }));
  if (result.code !== 0) throw new Error(`kyocho batch over an empty input exited with ${result.code}: ${result.stderr.slice(-500)}`);
  return reapedChildrenCpuSeconds() - before;
}

function rowsOf(f: QueueOverheadFigures, startupCpu: number) {
  const s = "3 queue";
  const cpu = (x: CpuPerJob) =>
    `CPU/job ${fmt(x.totalMs, 3)} ms = producer ${fmt(x.producerMs, 3)} + workers ${fmt(x.workersMs, 3)} + Redis ${fmt(x.redisMs, 3)}`;
  return [
    {
      section: s,
      figure: "raw BullMQ no-op jobs/s (addBulk)",
      value: fmt(f.rawBulk.jobsPerSecond, 0),
      note: `${f.workers} worker process(es) × ${f.slotsPerWorker} slots; ${cpu(f.rawBulk.cpuPerJob)}`,
    },
    {
      section: s,
      figure: "kyocho sub-task jobs/s (batch --queue)",
      value: fmt(f.kyochoBatch.jobsPerSecond, 0),
      note: `${fmt(f.kyochoBatch.questionsPerSecond, 0)} questions/s; ${cpu(f.kyochoBatch.cpuPerJob)} (start-up ${fmt(startupCpu, 2)} s CPU excluded)`,
    },
    { section: s, figure: "  kyocho ÷ raw", value: fmt(f.ratio, 3), note: f.ratio >= 0.5 ? "design promise ≥ 0.5: met" : "design promise ≥ 0.5: NOT met" },
    {
      section: s,
      figure: "kyocho queue layer alone jobs/s",
      value: fmt(f.kyochoQueueLayer.jobsPerSecond, 0),
      note: `QueueExecutor without the graph; ${cpu(f.kyochoQueueLayer.cpuPerJob)}`,
    },
    { section: s, figure: "  layer ÷ raw", value: fmt(f.layerRatio, 3), note: "" },
    {
      section: s,
      figure: "raw request/response jobs/s",
      value: fmt(f.rawRequestResponse.jobsPerSecond, 0),
      note: `add one, await its result; ${cpu(f.rawRequestResponse.cpuPerJob)}`,
    },
    {
      section: s,
      figure: "  layer ÷ raw request/response",
      value: fmt(f.layerToRawRequestResponse, 3),
      note: `the same shape of work on both sides; target ≥ 0.5: ${f.layerToRawRequestResponse >= 0.5 ? "met" : "NOT met"}`,
    },
    {
      section: s,
      figure: "bytes per sub-task job (four-expert case)",
      value: fmt(f.jobBytes, 0),
      note: `${Object.entries(f.jobBytesByTask)
        .map(([t, b]) => `${t} ${fmt(b, 0)}`)
        .join(", ")}; target ≤ 2,000: ${f.jobBytes <= 2_000 ? "met" : "NOT met"}`,
    },
  ];
}
