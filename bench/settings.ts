/** The sections of the benchmark, in the order. */
export const SECTIONS = ["embedded", "supervisor", "queue", "scaling", "memory", "cluster", "whatif"] as const;
export type SectionName = (typeof SECTIONS)[number];

/**
 * How much each section measures. `FULL_SETTINGS` is `npm run bench` (under
 * five minutes on a two-core machine); `SMOKE_SETTINGS` is the test suite's
 * few-second run, which only proves the harness still produces numbers.
 */
export interface BenchSettings {
  profile: "full" | "smoke";
  sections: SectionName[];
  embedded: {
    /** Assessments run first and not counted (JIT, caches). */
    warmup: number;
    /** Assessments per throughput run, and how many are in flight at once (as `kyocho batch` runs them). */
    throughputAssessments: number;
    inFlight: number;
    /** Sequential assessments whose latencies give p50/p99. */
    latencySamples: number;
    /** Runs of `kyocho ask` from a fresh process. */
    coldStarts: number;
    repeats: number;
  };
  supervisor: {
    /** L: every model call is answered after this many ms. */
    latencyMs: number;
    repeats: number;
  };
  queue: {
    /** Worker processes, each with `concurrency` jobs per expert queue (raw BullMQ gets the same processes and slots). */
    workers: number;
    concurrency: number;
    /** Questions per `kyocho batch --queue` run (four sub-tasks each) and in flight at once. */
    questions: number;
    batchInFlight: number;
    repeats: number;
  };
  scaling: {
    latencyMs: number;
    fanOut: number[];
    repeats: number;
  };
  cluster: {
    /** Worker processes on each Redis, each with `concurrency` jobs per expert queue. */
    workers: number;
    concurrency: number;
    /** Questions per `kyocho batch --queue` run (four sub-tasks each) and in flight at once. */
    questions: number;
    batchInFlight: number;
    repeats: number;
  };
  memory: {
    /** Sub-tasks one `kyocho worker` runs before its peak RSS is read. */
    workerSubTasks: number;
    /** Lines of the large and the small `kyocho batch` input (the ratio of their peaks is the figure). */
    batchLines: number;
    baselineLines: number;
    /**
     * Full four-expert assessments in each input, spread evenly; the other lines carry a case the schema
     * refuses (read, parsed, validated and answered like any line, but cheap). The same number in both, so
     * that only the input's length differs.
     */
    batchAssessments: number;
  };
  whatif: {
    /** Lines of the generated batch (every one a full assessment); whatif's memory is also read over twice as many. */
    lines: number;
  };
}

export const FULL_SETTINGS: BenchSettings = {
  profile: "full",
  sections: [...SECTIONS],
  embedded: { warmup: 300, throughputAssessments: 600, inFlight: 8, latencySamples: 800, coldStarts: 5, repeats: 3 },
  supervisor: { latencyMs: 200, repeats: 3 },
  queue: { workers: 2, concurrency: 4, questions: 600, batchInFlight: 32, repeats: 3 },
  scaling: { latencyMs: 200, fanOut: [1, 2, 4, 8, 16], repeats: 3 },
  memory: { workerSubTasks: 10_000, batchLines: 100_000, baselineLines: 10_000, batchAssessments: 2_000 },
  cluster: { workers: 2, concurrency: 4, questions: 300, batchInFlight: 32, repeats: 3 },
  whatif: { lines: 10_000 },
};

export const SMOKE_SETTINGS: BenchSettings = {
  profile: "smoke",
  // Not the cluster: starting six redis-servers would cost the test suite more than the smoke run itself.
  sections: SECTIONS.filter((s) => s !== "cluster"),
  embedded: { warmup: 5, throughputAssessments: 10, inFlight: 4, latencySamples: 10, coldStarts: 1, repeats: 1 },
  supervisor: { latencyMs: 20, repeats: 1 },
  queue: { workers: 1, concurrency: 2, questions: 10, batchInFlight: 8, repeats: 1 },
  scaling: { latencyMs: 20, fanOut: [1, 2], repeats: 1 },
  memory: { workerSubTasks: 40, batchLines: 200, baselineLines: 40, batchAssessments: 4 },
  cluster: { workers: 1, concurrency: 2, questions: 10, batchInFlight: 8, repeats: 1 },
  whatif: { lines: 40 },
};

/**
 * The settings of a run: `BENCH_PROFILE=smoke` for the quick one,
 * `BENCH_SECTIONS=supervisor,scaling` for some sections only, and
 * `BENCH_LATENCY_MS` for another L.
 *
 * @example
 * const settings = settingsFromEnv(process.env);
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv): BenchSettings {
  const base = env.BENCH_PROFILE === "smoke" ? SMOKE_SETTINGS : FULL_SETTINGS;
  const settings = structuredClone(base);
  if (env.BENCH_SECTIONS) {
    const wanted = env.BENCH_SECTIONS.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
    if (unknown.length > 0) throw new Error(`BENCH_SECTIONS: unknown section ${unknown.join(", ")}; the sections are ${SECTIONS.join(", ")}`);
    settings.sections = SECTIONS.filter((s) => wanted.includes(s));
  }
  if (env.BENCH_LATENCY_MS) {
    const latency = Number(env.BENCH_LATENCY_MS);
    if (!Number.isInteger(latency) || latency < 1) throw new Error(`BENCH_LATENCY_MS must be a positive whole number, got ${env.BENCH_LATENCY_MS}`);
    settings.supervisor.latencyMs = latency;
    settings.scaling.latencyMs = latency;
  }
  return settings;
}
