/**
 * `npx tsx bench/store-footprint.ts` — what keeping assessments costs, side by
 * side in one run: rows and bytes per assessment on SQLite and PostgreSQL,
 * and the time checkpointing adds to an assessment, in process (the council
 * alone) and for the `kyocho ask` command (start-up included). Needs the
 * build (`npm run build`) and, for the PostgreSQL figures, the database at
 * KYOCHO_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 * where it uses a schema of its own and drops it.
 *
 * Environment: STORE_BENCH_N (assessments per back-end, default 100),
 * STORE_BENCH_CLI_RUNS (CLI runs per mode, default 10).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { readDataFile } from "@kyocho/core/validation";
import { createCouncil, type Council } from "@kyocho/council";
import { loadReferencePolicy, referenceExperts } from "@kyocho/reference-council";
import { openStore, type AssessmentStore } from "@kyocho/store";

const N = Number(process.env.STORE_BENCH_N ?? 100);
const CLI_RUNS = Number(process.env.STORE_BENCH_CLI_RUNS ?? 10);
const DATABASE_URL = process.env.KYOCHO_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REPO = fileURLToPath(new URL("..", import.meta.url));
const CASE_FILE = join(REPO, "examples/cases/acquisition-finance.yaml");
const BIN = join(REPO, "packages/cli/bin/kyocho.js");

const policy = loadReferencePolicy();
const plain = createCouncil({ experts: referenceExperts, policy });
const c = plain.parseCase(readDataFile(CASE_FILE, "case file"), "case file");
const question = (i: number) => `Can we lend USD ${100 + i}m to Sakura Precision to buy Pacific Components?`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs N assessments as `kyocho ask` does with a store: record, checkpointed run, record completed. Returns ms per assessment. */
async function storedRuns(store: AssessmentStore, offset: number): Promise<number[]> {
  const council = createCouncil({ experts: referenceExperts, policy, checkpointer: await store.checkpointer() });
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const start = performance.now();
    const fixed = council.identify({ question: question(offset + i), case: c });
    const record = await store.save({
      id: fixed.assessmentId,
      asOf: fixed.asOf,
      question: fixed.question,
      caseSha256: "0".repeat(64),
      policy: { id: policy.id, version: policy.version, sha256: "0".repeat(64) },
      status: "running",
      assessment: undefined,
      requestedBy: "bench",
    });
    const assessment = await council.assess({ question: question(offset + i), case: c });
    await store.save({ ...record, status: "completed", assessment });
    times.push(performance.now() - start);
  }
  return times;
}

async function plainRuns(council: Council, offset: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const start = performance.now();
    await council.assess({ question: question(offset + i), case: c });
    times.push(performance.now() - start);
  }
  return times;
}

const dir = mkdtempSync(join(tmpdir(), "kyocho-store-bench-"));
const schema = `kyocho_bench_${randomBytes(4).toString("hex")}`;
try {
  // Warm-up: module loading and JIT out of the figures.
  await plainRuns(plain, 10_000);

  const sqlitePath = join(dir, "kyocho.db");
  const sqlite = await openStore({ sqlitePath });
  const plainMs = await plainRuns(plain, 0);
  const sqliteMs = await storedRuns(sqlite, 0);
  await sqlite.close();
  const db = new Database(sqlitePath, { readonly: true });
  const sqliteRows = Object.fromEntries(
    ["assessments", "signoffs", "checkpoints", "writes"].map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n / N]),
  );
  db.close();
  const sqliteBytes = statSync(sqlitePath).size;

  const postgres = await openStore({ databaseUrl: DATABASE_URL, schema });
  const postgresMs = await storedRuns(postgres, 0);
  await postgres.close();
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const tables = (await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = $1", [schema])).rows.map((r) => r.tablename);
  const postgresRows: Record<string, number> = {};
  let postgresBytes = 0;
  for (const t of tables) {
    postgresRows[t] = Number((await client.query(`SELECT COUNT(*) AS n FROM ${schema}.${t}`)).rows[0].n) / N;
    postgresBytes += Number((await client.query("SELECT pg_total_relation_size($1) AS b", [`${schema}.${t}`])).rows[0].b);
  }
  await client.query(`DROP SCHEMA ${schema} CASCADE`);
  await client.end();

  // The command, start-up included: stored and --no-store runs interleaved, each a new question.
  const cli = { stored: [] as number[], none: [] as number[] };
  const cliStore = join(dir, "cli.db");
  for (let i = 0; i < CLI_RUNS; i++) {
    for (const mode of ["stored", "none"] as const) {
      const start = performance.now();
      const r = spawnSync(process.execPath, [BIN, "ask", "--case", CASE_FILE, "-q", ...(mode === "none" ? ["--no-store"] : []), question(20_000 + i)], {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", KYOCHO_STORE: cliStore },
        encoding: "utf8",
      });
      if (r.status !== 0) throw new Error(`kyocho ask failed: ${r.stderr}`);
      cli[mode].push(performance.now() - start);
    }
  }

  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const lines = [
    `assessments per back-end: ${N} (reference council, embedded experts, acquisition-finance case)`,
    `rows per assessment, SQLite:     ${JSON.stringify(sqliteRows)}`,
    `rows per assessment, PostgreSQL: ${JSON.stringify(postgresRows)}`,
    `bytes per 100 assessments, SQLite file: ${Math.round((sqliteBytes / N) * 100).toLocaleString("en-US")}`,
    `bytes per 100 assessments, PostgreSQL tables+indexes: ${Math.round((postgresBytes / N) * 100).toLocaleString("en-US")}`,
    `in process, median per assessment: no store ${ms(median(plainMs))}, SQLite ${ms(median(sqliteMs))}, PostgreSQL ${ms(median(postgresMs))}`,
    `kyocho ask, median wall time of ${CLI_RUNS} runs each, interleaved: --no-store ${ms(median(cli.none))}, SQLite store ${ms(median(cli.stored))}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
