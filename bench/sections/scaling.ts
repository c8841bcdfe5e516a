import { randomUUID } from "node:crypto";
import { InProcessExecutor, type ExpertExecutor } from "@kyocho/core";
import { createCouncil } from "@kyocho/council";
import { QueueExecutor, startExpertWorkers } from "@kyocho/queue";
import { deleteKeys, syntheticPolicy } from "@kyocho/queue/testing";
import { startTestModelServer } from "@kyocho/testing";
import type { BenchContext, SectionResult } from "../lib/bench-context.js";
import { BENCH_MODEL, benchModels } from "../lib/bench-models.js";
import { modelBackedExperts } from "../lib/model-backed-experts.js";
import { median, round } from "../lib/stats.js";
import { fmt } from "../lib/table.js";
import type { BenchSettings } from "../settings.js";

/** Wall time of one fan-out to k experts, in ms and in units of L (medians over the repeats). */
export interface FanOut {
  k: number;
  inProcessMs: number;
  inProcessL: number;
  queueMs: number;
  queueL: number;
}

export interface ScalingFigures {
  latencyMs: number;
  fanOut: FanOut[];
  /** (wall time with the most experts − wall time with one) ÷ L: 0 is flat; the design promises at most 1.5. */
  spreadL: { inProcess: number; queue: number };
  samples: Record<string, { inProcessMs: number[]; queueMs: number[] }>;
}

/**
 * Section 4 — scaling: a council of k independent synthetic experts, each of
 * which is one model call answered after L, for each k; wall time ÷ L in
 * process and through the queue (workers in this process, one job slot per
 * expert queue), the two side by side in every repeat. Flat is ideal.
 */
export async function benchScaling(settings: BenchSettings["scaling"], context: BenchContext): Promise<SectionResult<ScalingFigures>> {
  const L = settings.latencyMs;
  const largest = Math.max(...settings.fanOut);
  const experts = modelBackedExperts(largest);
  const server = await startTestModelServer({ latencyMs: L, models: [BENCH_MODEL] });
  const { connection } = context;
  const prefix = `{kyocho-bench-s-${randomUUID().slice(0, 8)}}`;
  const { models } = await benchModels(
    server,
    experts.map((e) => e.name),
  );
  const policy = syntheticPolicy();
  const pool = startExpertWorkers(experts, { connection, prefix, models, policies: [policy], concurrency: 1 });
  const queueExecutor = new QueueExecutor({ connection, prefix });
  try {
    await pool.waitUntilReady();
    await queueExecutor.open(experts.map((e) => e.name));
    const councils = settings.fanOut.map((k) => {
      const members = experts.slice(0, k);
      const make = (executor: ExpertExecutor) => createCouncil({ experts: members, policy, executor });
      return { k, inProcess: make(new InProcessExecutor(members, { models })), queue: make(queueExecutor) };
    });
    let n = 0;
    const time = async (council: (typeof councils)[number]["inProcess"], k: number) => {
      const started = performance.now();
      // A new question each time: a new assessment id, so the queue's deterministic job ids never find an old result.
      const assessment = await council.assess({ question: `fan-out ${k} #${n++}`, case: council.parseCase({ schemaVersion: 2 }) });
      const ms = performance.now() - started;
      const used = assessment.experts.filter((e) => e.status === "ok" && e.modelUse?.outcome === "accepted").length;
      if (used !== k) throw new Error(`fan-out to ${k}: ${used} experts answered with their model`);
      return ms;
    };

    context.log(
      `scaling: L = ${L} ms; k = ${settings.fanOut.join(", ")}; a warm-up round, then ${settings.repeats} repeats, in process and through the queue side by side`,
    );
    for (const c of councils) {
      await time(c.inProcess, c.k);
      await time(c.queue, c.k);
    }
    const samples: ScalingFigures["samples"] = Object.fromEntries(settings.fanOut.map((k) => [String(k), { inProcessMs: [], queueMs: [] }]));
    for (let r = 0; r < settings.repeats; r++) {
      for (const c of councils) {
        samples[String(c.k)]!.inProcessMs.push(await time(c.inProcess, c.k));
        samples[String(c.k)]!.queueMs.push(await time(c.queue, c.k));
      }
    }
    const fanOut: FanOut[] = settings.fanOut.map((k) => {
      const s = samples[String(k)]!;
      const inProcessMs = median(s.inProcessMs);
      const queueMs = median(s.queueMs);
      return { k, inProcessMs: round(inProcessMs, 1), inProcessL: round(inProcessMs / L, 3), queueMs: round(queueMs, 1), queueL: round(queueMs / L, 3) };
    });
    const first = fanOut[0]!;
    const last = fanOut.at(-1)!;
    const figures: ScalingFigures = {
      latencyMs: L,
      fanOut,
      spreadL: { inProcess: round((last.inProcessMs - first.inProcessMs) / L, 3), queue: round((last.queueMs - first.queueMs) / L, 3) },
      samples: Object.fromEntries(
        Object.entries(samples).map(([k, v]) => [k, { inProcessMs: v.inProcessMs.map((x) => round(x, 1)), queueMs: v.queueMs.map((x) => round(x, 1)) }]),
      ),
    };
    const s = "4 scaling";
    const rows = fanOut.map((f) => ({
      section: s,
      figure: `k = ${f.k}: wall ÷ L, in process / queue`,
      value: `${fmt(f.inProcessL, 2)} / ${fmt(f.queueL, 2)}`,
      note: `${fmt(f.inProcessMs, 0)} ms / ${fmt(f.queueMs, 0)} ms (L = ${L} ms)`,
    }));
    const worst = Math.max(figures.spreadL.inProcess, figures.spreadL.queue);
    rows.push({
      section: s,
      figure: `k = ${last.k} − k = ${first.k}, in L: in process / queue`,
      value: `${fmt(figures.spreadL.inProcess, 2)} / ${fmt(figures.spreadL.queue, 2)}`,
      note: worst <= 1.5 ? "design promise ≤ 1.5 L: met" : "design promise ≤ 1.5 L: NOT met",
    });
    return { figures, rows };
  } finally {
    await queueExecutor.close();
    await pool.close();
    await deleteKeys(connection, prefix);
    await server.close();
  }
}
