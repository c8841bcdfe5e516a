import { InProcessExecutor, mergeAssessment, type Assessment, type Case } from "@kyocho/core";
import { createReferenceCouncil, referenceExperts } from "@kyocho/reference-council";
import type { Council } from "@kyocho/council";
import { DEFAULT_REPLY, startTestModelServer, type TestModelServer } from "@kyocho/testing";
import type { BenchContext, SectionResult } from "../lib/bench-context.js";
import { BENCH_MODEL, benchModels } from "../lib/bench-models.js";
import { criticalPath } from "../lib/critical-path.js";
import { FOUR_EXPERT_PLAN, fourExpertQuestion, loadFourExpertCase } from "../lib/fixtures.js";
import { median, round } from "../lib/stats.js";
import { scriptSupervisorTeam } from "../lib/supervisor-script.js";
import { createSupervisorTeam } from "../lib/supervisor-team.js";
import { fmt } from "../lib/table.js";
import { newTimeline, recordExecution, recordPlanning, type Timeline } from "../lib/timeline.js";
import type { BenchSettings } from "../settings.js";

/** One way of running the four experts, in ms and in units of L. */
export interface TeamRun {
  wallMs: number;
  wallL: number;
  modelCalls: number;
}

export interface KyochoRun extends TeamRun {
  /** Planner + slowest dependency chain + merge, from the parts' own durations. */
  criticalPathMs: number;
  criticalPathL: number;
  /** Wall time beyond the critical path: kyocho's own overhead (and, skewed, waiting the schedule caused). */
  gapMs: number;
  gapL: number;
  plannerMs: number;
  chain: string[];
  mergeMs: number;
}

export interface SupervisorFigures {
  latencyMs: number;
  /** Planner model, speculative start (the default): the required experts start while it plans. */
  kyocho: KyochoRun;
  /** Planner model, `--planning sequential`: plan, then one wave of expert models. */
  kyochoSequential: KyochoRun;
  /** No planner model: the embedded planner plans in microseconds, then one wave. */
  kyochoEmbeddedPlanner: KyochoRun;
  /** Speculative, with legal's model answering after 2 L: nothing that does not depend on legal waits for it. */
  kyochoSkewed: KyochoRun;
  supervisor: TeamRun & { toolRuns: number };
  /** The skewed run's gap beyond the uniform run's, in L: time a sub-task waited for something it does not depend on. */
  superstepWaitL: number;
  /** Skewed wall time ÷ its critical path (target ≤ 1.05). */
  skewedWallToCriticalPath: number;
  /** Supervisor wall time ÷ kyocho wall time (median of the per-repeat ratios), speculative (target ≥ 10). */
  ratio: number;
  /** The same with `--planning sequential` (target ≥ 6). */
  ratioSequential: number;
  /** The same with the embedded planner (target ≥ 12). */
  ratioEmbeddedPlanner: number;
  samples: {
    kyochoWallMs: number[];
    sequentialWallMs: number[];
    embeddedPlannerWallMs: number[];
    skewedWallMs: number[];
    supervisorWallMs: number[];
    ratios: number[];
    ratiosSequential: number[];
    ratiosEmbeddedPlanner: number[];
  };
}

/** The order in which the supervisor hands off: fx before lending, so lending's tool sees fx's result as kyocho's lending does. */
const HAND_OFF_ORDER = ["fx", "legal", "markets", "lending"];

/**
 * Section 2 — against a supervisor. The test endpoint answers every call
 * after L ms. (a) kyocho's council with model-backed experts and the model
 * planner; (b) `createSupervisor` over `createReactAgent` agents whose tools
 * are the same experts. Wall time in L, model calls (from the endpoint's
 * recorded requests), the ratio, and kyocho's critical path against its wall
 * time — also with a skewed expert, which shows the cost of supersteps.
 */
export async function benchSupervisor(settings: BenchSettings["supervisor"], context: BenchContext): Promise<SectionResult<SupervisorFigures>> {
  const L = settings.latencyMs;
  const server = await startTestModelServer({ latencyMs: L, models: [BENCH_MODEL] });
  try {
    const { models, planner } = await benchModels(
      server,
      referenceExperts.map((e) => e.name),
    );
    let timeline: Timeline = newTimeline();
    const executor = recordExecution(new InProcessExecutor(referenceExperts, { models }), () => timeline);
    const councils = {
      speculative: createReferenceCouncil({ executor, planner: recordPlanning(planner, () => timeline), planning: "speculative" }),
      sequential: createReferenceCouncil({ executor, planner: recordPlanning(planner, () => timeline), planning: "sequential" }),
      embedded: createReferenceCouncil({ executor }),
    } as const;
    const council = councils.speculative;
    const c = loadFourExpertCase(council);
    const embeddedPlan = await createReferenceCouncil().plan({ question: fourExpertQuestion("plan"), case: c });
    const team = createSupervisorTeam({ server, experts: referenceExperts, policy: council.policy, case: c, plan: embeddedPlan });

    let n = 0;
    const runKyocho = async (mode: keyof typeof councils, skewed = false): Promise<KyochoRun> => {
      server.reset();
      server.respond("planner", { json: FOUR_EXPERT_PLAN });
      if (skewed) server.respond("legal", { delayMs: L, json: DEFAULT_REPLY.json });
      timeline = newTimeline();
      const question = fourExpertQuestion(`supervisor-${n++}`);
      const assessment = await councils[mode].assess({ question, case: c });
      const wallMs = performance.now() - timeline.start;
      checkKyochoRun(assessment, server, mode);
      const path = criticalPath(assessment.plan, timeline, mergeMs(council, assessment, c, timeline), { plannerFirst: mode === "sequential" });
      return {
        wallMs,
        wallL: wallMs / L,
        modelCalls: chatCalls(server),
        criticalPathMs: path.totalMs,
        criticalPathL: path.totalMs / L,
        gapMs: wallMs - path.totalMs,
        gapL: (wallMs - path.totalMs) / L,
        plannerMs: path.plannerMs,
        chain: path.chain.map((id) => assessment.plan.tasks.find((t) => t.id === id)?.expert ?? id),
        mergeMs: path.mergeMs,
      };
    };
    const runSupervisor = async (): Promise<SupervisorFigures["supervisor"]> => {
      server.reset();
      scriptSupervisorTeam(server, HAND_OFF_ORDER);
      team.reset();
      const started = performance.now();
      await team.graph.invoke({ messages: [{ role: "user", content: fourExpertQuestion(`supervisor-${n++}`) }] }, { recursionLimit: 100 });
      const wallMs = performance.now() - started;
      if (team.toolRuns() !== HAND_OFF_ORDER.length) throw new Error(`the supervisor team ran ${team.toolRuns()} expert tools, not ${HAND_OFF_ORDER.length}`);
      return { wallMs, wallL: wallMs / L, modelCalls: chatCalls(server), toolRuns: team.toolRuns() };
    };

    context.log(`supervisor: L = ${L} ms; a warm-up run of each, then ${settings.repeats} repeats side by side`);
    await runKyocho("speculative");
    await runKyocho("sequential");
    await runKyocho("embedded");
    await runSupervisor();
    const runs = { speculative: [] as KyochoRun[], sequential: [] as KyochoRun[], embedded: [] as KyochoRun[], skewed: [] as KyochoRun[] };
    const supervisorRuns: Array<SupervisorFigures["supervisor"]> = [];
    for (let r = 0; r < settings.repeats; r++) {
      runs.speculative.push(await runKyocho("speculative"));
      runs.sequential.push(await runKyocho("sequential"));
      runs.embedded.push(await runKyocho("embedded"));
      runs.skewed.push(await runKyocho("speculative", true));
      supervisorRuns.push(await runSupervisor());
    }
    const ratiosOf = (kyocho: KyochoRun[]) => kyocho.map((k, i) => supervisorRuns[i]!.wallMs / k.wallMs);
    const ratios = ratiosOf(runs.speculative);
    const ratiosSequential = ratiosOf(runs.sequential);
    const ratiosEmbeddedPlanner = ratiosOf(runs.embedded);
    const skewed = medianRun(runs.skewed);
    const figures: SupervisorFigures = {
      latencyMs: L,
      kyocho: medianRun(runs.speculative),
      kyochoSequential: medianRun(runs.sequential),
      kyochoEmbeddedPlanner: medianRun(runs.embedded),
      kyochoSkewed: skewed,
      supervisor: {
        wallMs: round(median(supervisorRuns.map((s) => s.wallMs)), 1),
        wallL: round(median(supervisorRuns.map((s) => s.wallL)), 2),
        modelCalls: median(supervisorRuns.map((s) => s.modelCalls)),
        toolRuns: median(supervisorRuns.map((s) => s.toolRuns)),
      },
      superstepWaitL: round(median(runs.skewed.map((x) => x.gapL)) - median(runs.speculative.map((x) => x.gapL)), 3),
      skewedWallToCriticalPath: round(median(runs.skewed.map((x) => x.wallMs / x.criticalPathMs)), 3),
      ratio: round(median(ratios), 2),
      ratioSequential: round(median(ratiosSequential), 2),
      ratioEmbeddedPlanner: round(median(ratiosEmbeddedPlanner), 2),
      samples: {
        kyochoWallMs: runs.speculative.map((k) => round(k.wallMs, 1)),
        sequentialWallMs: runs.sequential.map((k) => round(k.wallMs, 1)),
        embeddedPlannerWallMs: runs.embedded.map((k) => round(k.wallMs, 1)),
        skewedWallMs: runs.skewed.map((k) => round(k.wallMs, 1)),
        supervisorWallMs: supervisorRuns.map((s) => round(s.wallMs, 1)),
        ratios: ratios.map((x) => round(x, 2)),
        ratiosSequential: ratiosSequential.map((x) => round(x, 2)),
        ratiosEmbeddedPlanner: ratiosEmbeddedPlanner.map((x) => round(x, 2)),
      },
    };
    return { figures, rows: rowsOf(figures) };
  } finally {
    await server.close();
  }
}

function rowsOf(f: SupervisorFigures) {
  const s = "2 supervisor";
  const k = f.kyocho;
  const sk = f.kyochoSkewed;
  const target = (value: number, goal: number, atLeast: boolean) =>
    `target ${atLeast ? "≥" : "≤"} ${goal}: ${(atLeast ? value >= goal : value <= goal) ? "met" : "NOT met"}`;
  return [
    {
      section: s,
      figure: "kyocho wall (L) / model calls",
      value: `${fmt(k.wallL, 2)} / ${k.modelCalls}`,
      note: `L = ${f.latencyMs} ms; planner model ∥ the four expert models (speculative start)`,
    },
    {
      section: s,
      figure: "  sequential planning (L)",
      value: `${fmt(f.kyochoSequential.wallL, 2)} / ${f.kyochoSequential.modelCalls}`,
      note: "planner model, then the four expert models in one wave",
    },
    {
      section: s,
      figure: "  embedded planner (L)",
      value: `${fmt(f.kyochoEmbeddedPlanner.wallL, 2)} / ${f.kyochoEmbeddedPlanner.modelCalls}`,
      note: "no planner model: one wave of four",
    },
    {
      section: s,
      figure: "supervisor wall (L) / model calls",
      value: `${fmt(f.supervisor.wallL, 2)} / ${f.supervisor.modelCalls}`,
      note: "createSupervisor + 4 createReactAgent, each calling its expert tool",
    },
    { section: s, figure: "supervisor ÷ kyocho (speculative)", value: fmt(f.ratio, 2), note: target(f.ratio, 10, true) },
    { section: s, figure: "supervisor ÷ kyocho (sequential)", value: fmt(f.ratioSequential, 2), note: target(f.ratioSequential, 6, true) },
    { section: s, figure: "supervisor ÷ kyocho (embedded planner)", value: fmt(f.ratioEmbeddedPlanner, 2), note: target(f.ratioEmbeddedPlanner, 12, true) },
    {
      section: s,
      figure: "kyocho critical path (L)",
      value: fmt(k.criticalPathL, 2),
      note: `the longest of planner ${fmt(f.kyocho.plannerMs, 0)} ms and ${k.chain.join(" → ")}, + merge ${fmt(k.mergeMs, 2)} ms`,
    },
    { section: s, figure: "kyocho wall − critical path (ms)", value: fmt(k.gapMs, 1), note: `kyocho's own overhead (${fmt(k.gapL, 3)} L)` },
    {
      section: s,
      figure: "skewed: wall / critical path (L)",
      value: `${fmt(sk.wallL, 2)} / ${fmt(sk.criticalPathL, 2)}`,
      note: `legal's model takes 2 L; ratio ${fmt(f.skewedWallToCriticalPath, 3)}, ${target(f.skewedWallToCriticalPath, 1.05, false)}`,
    },
    {
      section: s,
      figure: "  superstep wait (L)",
      value: fmt(f.superstepWaitL, 2),
      note: "skewed gap − uniform gap: time spent waiting for an expert nothing depended on",
    },
  ];
}

/** The run whose wall time is the median, so that its parts stay consistent with each other. */
function medianRun(runs: KyochoRun[]): KyochoRun {
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return {
    ...mid,
    wallMs: round(mid.wallMs, 1),
    wallL: round(mid.wallL, 3),
    criticalPathMs: round(mid.criticalPathMs, 1),
    criticalPathL: round(mid.criticalPathL, 3),
    gapMs: round(mid.gapMs, 1),
    gapL: round(mid.gapL, 3),
    plannerMs: round(mid.plannerMs, 1),
    mergeMs: round(mid.mergeMs, 3),
  };
}

function chatCalls(server: TestModelServer): number {
  return server.requests.filter((r) => r.path.endsWith("/chat/completions")).length;
}

/** The planner the mode asks for and all four model-backed experts were used, or the figures would mean something else. */
function checkKyochoRun(assessment: Assessment, server: TestModelServer, mode: "speculative" | "sequential" | "embedded"): void {
  const wantPlanner = mode === "embedded" ? "embedded" : "model";
  if (assessment.plan.planner !== wantPlanner)
    throw new Error(`the ${wantPlanner} planner did not plan (${assessment.plan.planner}): ${assessment.plan.warnings.join("; ")}`);
  const unused = assessment.experts.filter((e) => e.modelUse?.outcome !== "accepted");
  if (assessment.experts.length !== 4 || unused.length > 0) {
    throw new Error(`expected four model-backed experts, got ${assessment.experts.map((e) => `${e.name}:${e.modelUse?.outcome ?? "no model"}`).join(", ")}`);
  }
  const calls = mode === "embedded" ? 4 : 5;
  if (chatCalls(server) !== calls) throw new Error(`kyocho made ${chatCalls(server)} model calls, not ${calls}`);
  const speculative = assessment.plan.tasks.filter((t) => t.speculative).length;
  if ((mode === "speculative") !== speculative > 0) throw new Error(`${mode} planning ran ${speculative} speculative sub-task(s)`);
}

/** How long the merge of this assessment's results takes (the median of a few, since one sub-millisecond call is noise). */
function mergeMs(council: Council, assessment: Assessment, c: Case, timeline: Timeline): number {
  const results = Object.fromEntries([...timeline.tasks].map(([id, span]) => [id, span.result]));
  const input = { assessmentId: assessment.id, question: assessment.question, case: c, plan: assessment.plan, results, policy: council.policy };
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    mergeAssessment(input);
    samples.push(performance.now() - started);
  }
  return median(samples);
}
