import { cpus, totalmem } from "node:os";
import type { BenchContext } from "./lib/bench-context.js";
import type { TableRow } from "./lib/table.js";
import { benchCluster, type ClusterFigures } from "./sections/cluster.js";
import { benchEmbedded, type EmbeddedFigures } from "./sections/embedded.js";
import { benchMemory, type MemoryFigures } from "./sections/memory.js";
import { benchQueueOverhead, type QueueOverheadFigures } from "./sections/queue-overhead.js";
import { benchScaling, type ScalingFigures } from "./sections/scaling.js";
import { benchSupervisor, type SupervisorFigures } from "./sections/supervisor.js";
import { benchWhatIf, type WhatIfFigures } from "./sections/whatif.js";
import type { BenchSettings } from "./settings.js";

/** Everything one run measured: what `bench/results.json` holds. */
export interface BenchResults {
  machine: { cores: number; cpuModel: string; memoryGb: number; node: string; platform: string; redis: string };
  date: string;
  durationSeconds: number;
  settings: BenchSettings;
  sections: {
    embedded?: EmbeddedFigures;
    supervisor?: SupervisorFigures;
    queue?: QueueOverheadFigures;
    cluster?: ClusterFigures;
    scaling?: ScalingFigures;
    memory?: MemoryFigures;
    whatif?: WhatIfFigures;
  };
  /** The printed table, row by row. */
  rows: TableRow[];
}

/**
 * Runs the sections the settings name, in the order, and gathers
 * their figures and table rows. Redis is given (the entry point creates it).
 *
 * @example
 * const results = await runBench(FULL_SETTINGS, { connection, redisUrl: process.env.REDIS_URL, log: console.error });
 * process.stdout.write(renderTable(results.rows));
 */
export async function runBench(settings: BenchSettings, context: BenchContext): Promise<BenchResults> {
  const started = performance.now();
  const redisInfo = await context.connection.info("server");
  const results: BenchResults = {
    machine: {
      cores: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? "unknown",
      memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      redis: /redis_version:(\S+)/.exec(redisInfo)?.[1] ?? "unknown",
    },
    date: new Date().toISOString(),
    durationSeconds: 0,
    settings,
    sections: {},
    rows: [],
  };
  const run = async <F>(name: BenchSettings["sections"][number], section: () => Promise<{ figures: F; rows: TableRow[] }>, store: (figures: F) => void) => {
    if (!settings.sections.includes(name)) return;
    const sectionStarted = performance.now();
    const { figures, rows } = await section();
    store(figures);
    results.rows.push(...rows);
    context.log(`${name}: done in ${((performance.now() - sectionStarted) / 1000).toFixed(1)} s`);
  };
  await run(
    "embedded",
    () => benchEmbedded(settings.embedded, context),
    (f) => (results.sections.embedded = f),
  );
  await run(
    "supervisor",
    () => benchSupervisor(settings.supervisor, context),
    (f) => (results.sections.supervisor = f),
  );
  await run(
    "queue",
    () => benchQueueOverhead(settings.queue, context),
    (f) => (results.sections.queue = f),
  );
  await run(
    "scaling",
    () => benchScaling(settings.scaling, context),
    (f) => (results.sections.scaling = f),
  );
  await run(
    "memory",
    () => benchMemory(settings.memory, context),
    (f) => (results.sections.memory = f),
  );
  await run(
    "cluster",
    () => benchCluster(settings.cluster, context),
    (f) => (results.sections.cluster = f),
  );
  await run(
    "whatif",
    () => benchWhatIf(settings.whatif, context),
    (f) => (results.sections.whatif = f),
  );
  results.durationSeconds = Math.round((performance.now() - started) / 100) / 10;
  return results;
}
