import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { startRedisCluster, startRedisServer } from "@kyocho/queue/testing";
import type { BenchContext, SectionResult } from "../lib/bench-context.js";
import { FOUR_EXPERT_CASE, fourExpertQuestion } from "../lib/fixtures.js";
import { spawnKyocho, stopProcess, waitForExit, waitForOutput } from "../lib/processes.js";
import { median, round } from "../lib/stats.js";
import { fmt } from "../lib/table.js";
import type { BenchSettings } from "../settings.js";

/** Sub-task jobs of one question on the four-expert case: one per expert. */
const JOBS_PER_QUESTION = 4;

export interface ClusterFigures {
  workers: number;
  concurrency: number;
  questions: number;
  /** `kyocho batch --queue` sub-task jobs/s on one private redis-server (medians over the repeats). */
  singleNode: { jobsPerSecond: number; samples: number[] };
  /** The same on a private three-master Redis Cluster (a replica each), on the same machine. */
  cluster: { jobsPerSecond: number; samples: number[] };
  /** Cluster ÷ one node, per repeat, median. */
  ratio: number;
}

/**
 * Section 6 — one node against a cluster: the same `kyocho worker`
 * processes (count, concurrency) and the same `kyocho batch --queue` over
 * one private `redis-server` and over a private three-master Redis Cluster,
 * both started here, interleaved and repeated. Sub-task jobs/s is the
 * batch's jobs over its wall time. On one machine the cluster cannot add
 * CPU, so the ratio shows what sharding costs (more connections, a hop for
 * each slot's master), not what it buys on separate hosts.
 */
export async function benchCluster(settings: BenchSettings["cluster"], context: BenchContext): Promise<SectionResult<ClusterFigures>> {
  const dir = mkdtempSync(join(tmpdir(), "kyocho-bench-cluster-"));
  const single = await startRedisServer();
  const cluster = await startRedisCluster({ masters: 3, replicas: 1 });
  const targets = {
    single: { REDIS_URL: single.url, KYOCHO_REDIS_CLUSTER: undefined },
    cluster: { REDIS_URL: undefined, KYOCHO_REDIS_CLUSTER: cluster.seeds },
  } as const;
  const started: ChildProcess[] = [];
  const envOf = (target: keyof typeof targets) => {
    const env: NodeJS.ProcessEnv = { ...process.env, KYOCHO_PREFIX: "{kyocho-bench}", KYOCHO_STORE: "off" };
    for (const [k, v] of Object.entries(targets[target])) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    return env;
  };
  try {
    const workers: Record<keyof typeof targets, ChildProcess[]> = { single: [], cluster: [] };
    for (const target of ["single", "cluster"] as const) {
      workers[target] = Array.from({ length: settings.workers }, (_, i) =>
        spawnKyocho(["worker", "--name", `bench-${target}-${i}`, "--concurrency", String(settings.concurrency)], { env: envOf(target) }),
      );
      started.push(...workers[target]);
      for (const child of workers[target]) child.stdout?.resume();
    }
    await Promise.all(started.map((child) => waitForOutput(child, "stderr", /ready on/)));
    context.log(
      `cluster: ${settings.workers} worker process(es) × ${settings.concurrency} per expert; ${settings.repeats} × kyocho batch --queue over ${settings.questions} questions on one node and on a 3-master cluster`,
    );
    const runs: Record<keyof typeof targets, number[]> = { single: [], cluster: [] };
    for (let r = -1; r < settings.repeats; r++) {
      for (const target of ["single", "cluster"] as const) {
        const jobsPerSecond = await runBatch(target, r);
        // Repeat -1 warms both up (JIT, connections, queue metadata) and is not counted.
        if (r >= 0) runs[target].push(jobsPerSecond);
      }
      if (r >= 0) context.log(`cluster: repeat ${r + 1}: one node ${runs.single.at(-1)!.toFixed(0)} jobs/s, cluster ${runs.cluster.at(-1)!.toFixed(0)}`);
    }
    const figures: ClusterFigures = {
      workers: settings.workers,
      concurrency: settings.concurrency,
      questions: settings.questions,
      singleNode: { jobsPerSecond: round(median(runs.single), 0), samples: runs.single.map((x) => round(x, 0)) },
      cluster: { jobsPerSecond: round(median(runs.cluster), 0), samples: runs.cluster.map((x) => round(x, 0)) },
      ratio: round(median(runs.cluster.map((c, i) => c / runs.single[i]!)), 3),
    };
    return { figures, rows: rowsOf(figures) };
  } finally {
    await Promise.all(started.map((child) => stopProcess(child)));
    await cluster.stop();
    await single.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  async function runBatch(target: keyof typeof targets, repeat: number): Promise<number> {
    const questions = repeat < 0 ? Math.min(20, settings.questions) : settings.questions;
    const input = join(dir, `${target}-${repeat}.jsonl`);
    const output = join(dir, `${target}-${repeat}-out.jsonl`);
    const lines = Array.from({ length: questions }, (_, i) =>
      JSON.stringify({ id: `q${repeat}-${i}`, question: fourExpertQuestion(`cluster-${target}-${repeat}-${i}`), caseFile: FOUR_EXPERT_CASE }),
    );
    writeFileSync(input, `${lines.join("\n")}\n`);
    const t0 = performance.now();
    const result = await waitForExit(
      spawnKyocho(["batch", input, "--out", output, "--queue", "--concurrency", String(settings.batchInFlight), "--quiet"], { env: envOf(target) }),
    );
    const seconds = (performance.now() - t0) / 1000;
    if (result.code !== 0) throw new Error(`kyocho batch --queue on the ${target} Redis exited with ${result.code}: ${result.stderr.slice(-500)}`);
    const assessed = readFileSync(output, "utf8")
      .split("\n")
      .filter((l) => l.includes('"assessment"')).length;
    if (assessed !== questions) throw new Error(`kyocho batch --queue on the ${target} Redis assessed ${assessed} of ${questions} questions`);
    return (questions * JOBS_PER_QUESTION) / seconds;
  }
}

function rowsOf(f: ClusterFigures) {
  const s = "6 cluster";
  const setup = `${f.workers} worker process(es) × ${f.concurrency} per expert, ${f.questions} questions, same machine`;
  return [
    { section: s, figure: "sub-task jobs/s, one redis-server", value: fmt(f.singleNode.jobsPerSecond, 0), note: setup },
    {
      section: s,
      figure: "sub-task jobs/s, 3-master Redis Cluster",
      value: fmt(f.cluster.jobsPerSecond, 0),
      note: "3 masters + 3 replicas, per-expert hash tags",
    },
    { section: s, figure: "  cluster ÷ one node", value: fmt(f.ratio, 3), note: "one machine: what sharding costs, not what it buys across hosts" },
  ];
}
