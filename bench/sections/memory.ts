import { randomUUID } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nextStep } from "@kyocho/core/plan";
import type { ExpertResult, Plan } from "@kyocho/core";
import { createReferenceCouncil } from "@kyocho/reference-council";
import { QueueExecutor } from "@kyocho/queue";
import { deleteKeys } from "@kyocho/queue/testing";
import type { BenchContext, SectionResult } from "../lib/bench-context.js";
import { FOUR_EXPERT_CASE, fourExpertQuestion, loadFourExpertCase } from "../lib/fixtures.js";
import { startKyochoWorkers, stopKyochoWorkers } from "../lib/kyocho-workers.js";
import { procMemory, spawnKyocho, waitForExit, watchPeakRss } from "../lib/processes.js";
import { waitForExpertWorkers } from "../lib/queue-probes.js";
import { round } from "../lib/stats.js";
import { fmt } from "../lib/table.js";
import type { BenchSettings } from "../settings.js";

const EXPERTS = ["lending", "legal", "fx", "markets"];

export interface MemoryFigures {
  worker: {
    subTasks: number;
    /** RSS once ready, half-way and after all the sub-tasks; the peak over the run (VmHWM). */
    readyRssMb: number;
    halfwayRssMb: number;
    finalRssMb: number;
    peakRssMb: number;
  };
  batch: {
    lines: number;
    baselineLines: number;
    /** Four-expert assessments in each of the two inputs. */
    assessments: number;
    peakRssMb: number;
    baselinePeakRssMb: number;
    /** Peak RSS over the large input ÷ over the small one (the same assessments, more lines): 1 means it does not grow with the input. */
    growth: number;
    seconds: number;
  };
}

/**
 * Section 5 — memory: the peak RSS of one `kyocho worker` after it has run
 * `workerSubTasks` sub-tasks, and of `kyocho batch` (in process) over a
 * large input against a small one with the same assessments — streamed, it
 * must not grow with the input.
 */
export async function benchMemory(settings: BenchSettings["memory"], context: BenchContext): Promise<SectionResult<MemoryFigures>> {
  const worker = await workerMemory(settings, context);
  const batch = await batchMemory(settings, context);
  const figures: MemoryFigures = { worker, batch };
  const s = "5 memory";
  return {
    figures,
    rows: [
      {
        section: s,
        figure: `kyocho worker peak RSS, ${worker.subTasks.toLocaleString("en-US")} sub-tasks (MB)`,
        value: fmt(worker.peakRssMb, 0),
        note: `RSS ready ${fmt(worker.readyRssMb, 0)}, half-way ${fmt(worker.halfwayRssMb, 0)}, at the end ${fmt(worker.finalRssMb, 0)} MB`,
      },
      {
        section: s,
        figure: `kyocho batch peak RSS, ${batch.lines.toLocaleString("en-US")} lines (MB)`,
        value: fmt(batch.peakRssMb, 0),
        note: `${batch.assessments.toLocaleString("en-US")} four-expert assessments, the other lines refused; ${fmt(batch.seconds, 1)} s`,
      },
      {
        section: s,
        figure: `  ÷ peak over ${batch.baselineLines.toLocaleString("en-US")} lines`,
        value: fmt(batch.growth, 2),
        note: `${fmt(batch.baselinePeakRssMb, 0)} MB over ${batch.baselineLines.toLocaleString("en-US")} lines with the same assessments; 1.00 = does not grow with the input`,
      },
    ],
  };
}

/** One `kyocho worker` (concurrency 8 per expert) runs `workerSubTasks` sub-tasks of the four-expert case, enqueued without the graph. */
async function workerMemory(settings: BenchSettings["memory"], context: BenchContext): Promise<MemoryFigures["worker"]> {
  const { connection, redisUrl } = context;
  const prefix = `{kyocho-bench-m-${randomUUID().slice(0, 8)}}`;
  const [worker] = await startKyochoWorkers(1, { prefix, concurrency: 8, redisUrl, name: "bench-memory" });
  const executor = new QueueExecutor({ connection, prefix });
  try {
    await waitForExpertWorkers(connection, prefix, EXPERTS, 1);
    await executor.open(EXPERTS);
    const readyRssMb = procMemory(worker!.pid).rssMb;
    const council = createReferenceCouncil();
    const c = loadFourExpertCase(council);
    const template = await council.plan({ question: fourExpertQuestion("memory"), case: c });
    const questions = Math.ceil(settings.workerSubTasks / template.tasks.length);
    context.log(`memory: one kyocho worker runs ${questions * template.tasks.length} sub-tasks`);
    let executed = 0;
    let next = 0;
    let halfwayRssMb = Number.NaN;
    const halfway = Math.round((questions * template.tasks.length) / 2);
    const assessOne = async (i: number, plan: Plan) => {
      const results: Record<string, ExpertResult> = {};
      for (let step = nextStep(plan, results); step.ready.length > 0; step = nextStep(plan, results)) {
        await Promise.all(
          step.ready.map(async (task) => {
            const dependencies = Object.fromEntries(task.dependsOn.map((d) => [results[d]!.expert, results[d]!]));
            // Each question its own assessment id, so that every sub-task is a new job.
            results[task.id] = await executor.execute({ assessmentId: `memory-${prefix}-${i}`, task, case: c, policy: council.policy, dependencies });
            if (++executed === halfway) halfwayRssMb = procMemory(worker!.pid).rssMb;
          }),
        );
      }
    };
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < questions) await assessOne(next++, template);
      }),
    );
    const { rssMb, peakRssMb } = procMemory(worker!.pid);
    return {
      subTasks: executed,
      readyRssMb: round(readyRssMb, 1),
      halfwayRssMb: round(halfwayRssMb, 1),
      finalRssMb: round(rssMb, 1),
      peakRssMb: round(peakRssMb, 1),
    };
  } finally {
    await executor.close();
    await stopKyochoWorkers([worker!]);
    await deleteKeys(connection, prefix);
  }
}

/** `kyocho batch` in process over the large and the small input; their peak RSS. */
async function batchMemory(settings: BenchSettings["memory"], context: BenchContext): Promise<MemoryFigures["batch"]> {
  const dir = mkdtempSync(join(tmpdir(), "kyocho-bench-memory-"));
  try {
    const run = async (lines: number) => {
      const input = join(dir, `input-${lines}.jsonl`);
      const output = join(dir, `output-${lines}.jsonl`);
      await writeBatchInput(input, lines, settings.batchAssessments);
      const started = performance.now();
      const child = spawnKyocho(["batch", input, "--out", output, "--quiet"]);
      const peak = watchPeakRss(child, 25);
      const result = await waitForExit(child);
      const seconds = (performance.now() - started) / 1000;
      if (result.code !== 0) throw new Error(`kyocho batch exited with ${result.code}: ${result.stderr.slice(-500)}`);
      const written = readFileSync(output, "utf8").split("\n").filter(Boolean).length;
      if (written !== lines) throw new Error(`kyocho batch wrote ${written} lines for ${lines}`);
      return { peakRssMb: peak(), seconds };
    };
    context.log(
      `memory: kyocho batch over ${settings.baselineLines} and ${settings.batchLines} lines, ${settings.batchAssessments} of them four-expert assessments`,
    );
    const small = await run(settings.baselineLines);
    const large = await run(settings.batchLines);
    return {
      lines: settings.batchLines,
      baselineLines: settings.baselineLines,
      assessments: settings.batchAssessments,
      peakRssMb: round(large.peakRssMb, 1),
      baselinePeakRssMb: round(small.peakRssMb, 1),
      growth: round(large.peakRssMb / small.peakRssMb, 3),
      seconds: round(large.seconds, 1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A batch input of `lines` lines, `assessments` of which (spread evenly) ask
 * the four-expert case; the others carry a case the schema refuses, which the
 * batch answers with an error line (read, parsed, validated and written like
 * any other, but cheap, so that a hundred thousand lines fit the benchmark's
 * time).
 */
async function writeBatchInput(path: string, lines: number, assessments: number): Promise<void> {
  const every = Math.max(1, Math.floor(lines / assessments));
  const out = createWriteStream(path);
  for (let i = 0; i < lines; i++) {
    const line =
      i % every === 0 && i / every < assessments
        ? { id: `m${i}`, question: fourExpertQuestion(`memory-${i}`), caseFile: FOUR_EXPERT_CASE }
        : { id: `m${i}`, case: { schemaVersion: 2, unknownSection: { line: i } } };
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
