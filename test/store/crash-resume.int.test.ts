import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assessment } from "@kyocho/core";
import { DEFAULT_REPLY, startTestModelServer, type TestModelServer } from "@kyocho/testing";
import { cliEnv } from "../helpers/cli-env.js";
import { REPO_ROOT } from "../helpers/run-cli.js";
import { runCliAsync } from "../helpers/run-cli-async.js";

// The crash test: `kyocho ask` with slow models, killed (SIGKILL) once two experts have finished, then run again.
const BIN = fileURLToPath(new URL("../../packages/cli/bin/kyocho.js", import.meta.url));
const CASE_FILE = "examples/cases/acquisition-finance.yaml";
const MODEL = "kyocho-test-model";
/** The case consults these three (and the planner model); two answer at once, the third's answer waits for the gate. */
const EARLY = ["fx", "legal"];
const LATE = ["lending"];
const EXPERTS = [...EARLY, ...LATE];

function withoutLatencies(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLatencies);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== "latencyMs")
      .map(([k, v]) => [k, withoutLatencies(v)]),
  );
}

const DATABASE_URL = process.env.KYOCHO_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Where a run keeps its checkpoints, and how the test reads how many expert results they hold (what a resumed run will not ask for again). */
interface Backend {
  env: NodeJS.ProcessEnv;
  /** How many tasks of the thread have a checkpointed write to `channel` (`results`: experts; `plan`: the planner). */
  checkpointedWrites(threadId: string, channel: "results" | "plan"): Promise<number>;
  cleanup(): Promise<void>;
}

function sqliteBackend(dir: string): Backend {
  const file = join(dir, "kyocho.db");
  return {
    env: { KYOCHO_STORE: file },
    async checkpointedWrites(threadId, channel) {
      let db: Database.Database | undefined;
      try {
        db = new Database(file, { readonly: true, fileMustExist: true });
        const row = db.prepare("SELECT COUNT(DISTINCT task_id) AS n FROM writes WHERE thread_id = ? AND channel = ?").get(threadId, channel) as { n: number };
        return row.n;
      } catch {
        return 0; // the file and table are created on the run's first checkpoint
      } finally {
        db?.close();
      }
    },
    cleanup: async () => undefined,
  };
}

function postgresBackend(): Backend {
  const schema = `kyocho_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: DATABASE_URL });
  const connected = client.connect();
  return {
    // KYOCHO_STORE unset: the test helper turns the store off unless a test names one.
    env: { KYOCHO_STORE: undefined, KYOCHO_DATABASE_URL: DATABASE_URL, KYOCHO_DATABASE_SCHEMA: schema },
    async checkpointedWrites(threadId, channel) {
      await connected;
      try {
        const { rows } = await client.query<{ n: string }>(
          `SELECT COUNT(DISTINCT task_id) AS n FROM ${schema}.checkpoint_writes WHERE thread_id = $1 AND channel = $2`,
          [threadId, channel],
        );
        return Number(rows[0]!.n);
      } catch {
        return 0; // the schema and table are created when the run opens the store
      }
    },
    async cleanup() {
      await connected;
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

describe.each(["sqlite", "postgres"])("kyocho ask on %s, killed part-way and run again", (backendName) => {
  let server: TestModelServer;
  const dir = mkdtempSync(join(tmpdir(), "kyocho-crash-"));
  const configFile = join(dir, "models.json");
  const backend = backendName === "sqlite" ? sqliteBackend(dir) : postgresBackend();
  const env = { ...backend.env, KYOCHO_USER: "tanaka" };
  /** Holds the late experts' answers until opened; one per killed run. */
  let gate = { promise: Promise.resolve(), open: () => undefined as void };
  const closeGate = () => {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    gate = { promise, open };
  };

  beforeAll(async () => {
    server = await startTestModelServer({ models: [MODEL] });
    writeFileSync(
      configFile,
      JSON.stringify({
        models: { default: { baseURL: server.baseURL, model: MODEL, reasoning: false, maxRetries: 0, timeoutMs: 60_000 } },
        audit: { enabled: false },
      }),
    );
  });
  afterAll(async () => {
    gate.open();
    await server.close();
    await backend.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts `kyocho ask`, kills it (SIGKILL) once two experts have finished, and returns the assessment id. */
  async function killAfterTwoExperts(args: string[]): Promise<string> {
    closeGate();
    server.reset();
    for (const name of LATE) server.respond(name, () => ({ ...DEFAULT_REPLY, waitFor: gate.promise }));
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: cliEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    // Two experts finished: the endpoint answered both, and (so a kill now is after them) the run checkpointed their results.
    const answered = (name: string) => server.completionsFor(name).find((r) => r.answeredOrder !== undefined);
    while (!EARLY.every(answered)) await new Promise((r) => setTimeout(r, 5));
    const assessmentId = String(answered(EARLY[0]!)!.headers["x-kyocho-assessment"] ?? "");
    expect(assessmentId).toMatch(/^a-/);
    await Promise.all(LATE.map((name) => server.whenReceived((r) => r.caller === name)));
    // The planner runs beside the experts: a kill before its plan is checkpointed would rightly ask it again on resume.
    while ((await backend.checkpointedWrites(assessmentId, "results")) < EARLY.length) await new Promise((r) => setImmediate(r));
    while ((await backend.checkpointedWrites(assessmentId, "plan")) < 1) await new Promise((r) => setImmediate(r));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(LATE.every((name) => server.completionsFor(name).every((r) => r.answeredOrder === undefined))).toBe(true);
    gate.open();
    return assessmentId;
  }

  const askedPerCaller = () => Object.fromEntries(["planner", ...EXPERTS].map((name) => [name, server.completionsFor(name).length]));

  it("the same command continues from the checkpoint: no finished expert is asked again, and the assessment equals an uninterrupted one", async () => {
    const args = ["ask", "--case", CASE_FILE, "--config", configFile, "--json"];
    const assessmentId = await killAfterTwoExperts(args);

    const resumed = await runCliAsync(args, { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`continuing assessment ${assessmentId} from its checkpoint`);
    // The endpoint's log: the planner and each finished expert asked once over both runs; the unfinished one once per run.
    expect(askedPerCaller()).toEqual({ planner: 1, fx: 1, legal: 1, lending: 2 });

    server.reset();
    const uninterrupted = await runCliAsync([...args, "--no-store"], { env });
    expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
    expect(askedPerCaller()).toEqual({ planner: 1, fx: 1, legal: 1, lending: 1 });
    const a = JSON.parse(resumed.stdout) as Assessment;
    expect(a.experts.map((e) => e.modelUse?.outcome)).toEqual(a.experts.map(() => "accepted"));
    expect(withoutLatencies(a)).toEqual(withoutLatencies(JSON.parse(uninterrupted.stdout)));

    // The record: awaiting the committee's sign-off (an escalated deal with a facility), requested by the first run's user.
    const shown = await runCliAsync(["show", assessmentId, "--json"], { env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: assessmentId, status: "awaiting_signoff", requestedBy: "tanaka", decision: a.decision });
  });

  it("kyocho resume ID continues it the same way; history lists it running until then", async () => {
    const assessmentId = await killAfterTwoExperts([
      "ask",
      "--case",
      CASE_FILE,
      "--config",
      configFile,
      "--json",
      "Is the FX mismatch acceptable for this acquisition loan?",
    ]);
    const running = await runCliAsync(["history", "--status", "running", "--json"], { env });
    expect((JSON.parse(running.stdout) as Array<{ id: string }>).map((r) => r.id)).toEqual([assessmentId]);

    const resumed = await runCliAsync(["resume", assessmentId, "--config", configFile, "--json"], { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect((JSON.parse(resumed.stdout) as Assessment).id).toBe(assessmentId);
    expect(askedPerCaller()).toEqual({ planner: 1, fx: 1, legal: 1, lending: 2 });
    const after = await runCliAsync(["history", "--status", "running", "--json"], { env });
    expect(JSON.parse(after.stdout)).toEqual([]);
  });
});
