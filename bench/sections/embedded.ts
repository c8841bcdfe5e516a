import { spawn } from "node:child_process";
import { InProcessExecutor, type Assessment } from "@kyocho/core";
import { createReferenceCouncil, referenceExperts } from "@kyocho/reference-council";
import type { BenchContext, SectionResult } from "../lib/bench-context.js";
import { FOUR_EXPERT_CASE, fourExpertQuestion, loadFourExpertCase } from "../lib/fixtures.js";
import { spawnKyocho, waitForExit } from "../lib/processes.js";
import { median, percentile, round } from "../lib/stats.js";
import { fmt } from "../lib/table.js";
import { assessWithoutGraph } from "../lib/without-graph.js";
import type { BenchSettings } from "../settings.js";

export interface EmbeddedFigures {
  /** Through the council graph (`council.assess`), `inFlight` at a time, in this one process. */
  assessmentsPerSecond: number;
  cpuMsPerAssessment: number;
  /** The same planner, experts, schedule and merge in a plain loop, without LangGraph. */
  withoutGraph: { assessmentsPerSecond: number; cpuMsPerAssessment: number };
  /** CPU ms per assessment the graph adds, and the throughput ratio graph ÷ without graph. */
  graphCpuMsPerAssessment: number;
  graphThroughputRatio: number;
  latencyMs: { p50: number; p99: number; samples: number };
  coldStartMs: { askMedian: number; nodeMedian: number; samples: number[] };
  samples: { assessmentsPerSecond: number[]; withoutGraph: number[] };
}

/**
 * Section 1 — embedded, in process: the four-expert case (lending after fx;
 * legal, markets) through the reference council on one core. Throughput
 * with and without the graph side by side (interleaved, same run), p50/p99
 * latency after warm-up, and the cold start of `kyocho ask`.
 */
export async function benchEmbedded(settings: BenchSettings["embedded"], context: BenchContext): Promise<SectionResult<EmbeddedFigures>> {
  const council = createReferenceCouncil();
  const c = loadFourExpertCase(council);
  const executor = new InProcessExecutor(referenceExperts);
  let n = 0;
  const viaGraph = () => council.assess({ question: fourExpertQuestion(n++), case: c });
  const direct = () => assessWithoutGraph(council, executor, { question: fourExpertQuestion(n++), case: c });

  const first = await viaGraph();
  if (first.experts.length !== 4 || first.experts.some((e) => e.status !== "ok")) {
    throw new Error(`the four-expert case did not run four experts: ${first.experts.map((e) => `${e.name}:${e.status}`).join(", ")}`);
  }
  for (let i = 0; i < settings.warmup; i++) {
    await viaGraph();
    await direct();
  }

  context.log(
    `embedded: throughput, ${settings.repeats} × ${settings.throughputAssessments} assessments, ${settings.inFlight} in flight, with and without the graph`,
  );
  const graphRuns: Array<{ perSecond: number; cpuMs: number }> = [];
  const directRuns: Array<{ perSecond: number; cpuMs: number }> = [];
  for (let r = 0; r < settings.repeats; r++) {
    graphRuns.push(await throughput(viaGraph, settings.throughputAssessments, settings.inFlight));
    directRuns.push(await throughput(direct, settings.throughputAssessments, settings.inFlight));
  }

  context.log(`embedded: latency, ${settings.latencySamples} assessments one at a time`);
  const latencies: number[] = [];
  for (let i = 0; i < settings.latencySamples; i++) {
    const started = performance.now();
    await viaGraph();
    latencies.push(performance.now() - started);
  }

  context.log(`embedded: cold start, ${settings.coldStarts} × kyocho ask --case full-council.yaml`);
  const askStarts: number[] = [];
  const nodeStarts: number[] = [];
  for (let i = 0; i < settings.coldStarts; i++) {
    askStarts.push(await coldAsk());
    nodeStarts.push(await coldNode());
  }

  const perSecond = median(graphRuns.map((r) => r.perSecond));
  const cpuMs = median(graphRuns.map((r) => r.cpuMs));
  const directPerSecond = median(directRuns.map((r) => r.perSecond));
  const directCpuMs = median(directRuns.map((r) => r.cpuMs));
  const figures: EmbeddedFigures = {
    assessmentsPerSecond: round(perSecond, 1),
    cpuMsPerAssessment: round(cpuMs, 3),
    withoutGraph: { assessmentsPerSecond: round(directPerSecond, 1), cpuMsPerAssessment: round(directCpuMs, 3) },
    graphCpuMsPerAssessment: round(cpuMs - directCpuMs, 3),
    graphThroughputRatio: round(perSecond / directPerSecond, 3),
    latencyMs: { p50: round(percentile(latencies, 50), 2), p99: round(percentile(latencies, 99), 2), samples: latencies.length },
    coldStartMs: { askMedian: round(median(askStarts), 0), nodeMedian: round(median(nodeStarts), 0), samples: askStarts.map((s) => round(s, 0)) },
    samples: { assessmentsPerSecond: graphRuns.map((r) => round(r.perSecond, 1)), withoutGraph: directRuns.map((r) => round(r.perSecond, 1)) },
  };
  const s = "1 embedded";
  return {
    figures,
    rows: [
      {
        section: s,
        figure: "assessments/s, one core (four experts)",
        value: fmt(figures.assessmentsPerSecond),
        note: `${fmt(figures.cpuMsPerAssessment, 2)} ms CPU each; median of ${settings.repeats}`,
      },
      {
        section: s,
        figure: "  same work without the graph",
        value: fmt(figures.withoutGraph.assessmentsPerSecond),
        note: `${fmt(figures.withoutGraph.cpuMsPerAssessment, 2)} ms CPU each (planner, experts, merge in a loop)`,
      },
      {
        section: s,
        figure: "  graph ÷ without graph",
        value: fmt(figures.graphThroughputRatio, 2),
        note: `LangGraph adds ${fmt(figures.graphCpuMsPerAssessment, 2)} ms CPU per assessment`,
      },
      {
        section: s,
        figure: "latency p50 / p99 (ms)",
        value: `${fmt(figures.latencyMs.p50, 2)} / ${fmt(figures.latencyMs.p99, 2)}`,
        note: `${latencies.length} assessments one at a time, after warm-up`,
      },
      {
        section: s,
        figure: "cold start: kyocho ask (ms)",
        value: fmt(figures.coldStartMs.askMedian, 0),
        note: `process start to printed assessment; node -e 0 alone: ${fmt(figures.coldStartMs.nodeMedian, 0)} ms`,
      },
    ],
  };
}

/** Runs `total` assessments, `inFlight` at a time; assessments per second of wall time and CPU ms per assessment. */
async function throughput(assess: () => Promise<Assessment>, total: number, inFlight: number): Promise<{ perSecond: number; cpuMs: number }> {
  let started = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (started < total) {
        started++;
        await assess();
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { perSecond: total / seconds, cpuMs: (cpu.user + cpu.system) / 1000 / total };
}

/** `kyocho ask` from process start to its exit after printing the assessment. */
async function coldAsk(): Promise<number> {
  const started = performance.now();
  // Stateless, as the figure always was (and nothing written into the repository): the store's cost is measured by bench/store-footprint.ts.
  const result = await waitForExit(spawnKyocho(["ask", "--case", FOUR_EXPERT_CASE], { env: { ...process.env, NO_COLOR: "1", KYOCHO_STORE: "off" } }));
  const ms = performance.now() - started;
  if (result.code !== 0 || !/escalate|approve|decline/i.test(result.stdout)) {
    throw new Error(`kyocho ask failed (exit ${result.code}): ${result.stderr.slice(-400)}`);
  }
  return ms;
}

/** An empty Node process, for scale. */
async function coldNode(): Promise<number> {
  const started = performance.now();
  await waitForExit(spawn(process.execPath, ["-e", "0"], { stdio: ["ignore", "pipe", "pipe"] }));
  return performance.now() - started;
}
