import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { Assessment } from "@kyocho/core";
import { openStore, type AssessmentStore } from "@kyocho/store";
import { runCli, type CliResult } from "../helpers/run-cli.js";
import { runCliAsync } from "../helpers/run-cli-async.js";

// Several committee members sign the last required signature of one assessment at the same moment, each in
// their own `kyocho signoff` process: exactly one signature lands, the others are told it was already signed,
// and the record, the assessment `kyocho show` prints and the checkpointed thread all hold the same signatures.
const CASE_FILE = "examples/cases/acquisition-finance.yaml";
const DATABASE_URL = process.env.KYOCHO_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const RACERS = ["suzuki", "ito", "kato", "yamada", "kobayashi", "watanabe"];
const dir = mkdtempSync(join(tmpdir(), "kyocho-ringi-race-"));
const schema = `kyocho_test_${randomBytes(6).toString("hex")}`;

/**
 * Makes the race happen every time on PostgreSQL: while the racers start, the test holds the checkpoint tables
 * against writes (reads go on), so every racer reads the thread as it was, and none can write the thread until
 * each one is either finished or waiting to write it. Only then are the tables released. Whoever may resume the
 * thread at that point all resume it from the same checkpoint: with the old order (resume, then record) every
 * racer did; with the signature reserved first, only the one the record admitted.
 */
async function checkpointBarrier(racing: () => Promise<CliResult>[]): Promise<CliResult[]> {
  const tables = ["checkpoints", "checkpoint_blobs", "checkpoint_writes"].map((t) => `${schema}.${t}`);
  const lock = new pg.Client({ connectionString: DATABASE_URL });
  const watch = new pg.Client({ connectionString: DATABASE_URL });
  await Promise.all([lock.connect(), watch.connect()]);
  try {
    await lock.query("BEGIN");
    await lock.query(`LOCK TABLE ${tables.join(", ")} IN EXCLUSIVE MODE`);
    let finished = 0;
    const runs = racing().map((p) => p.finally(() => (finished += 1)));
    for (;;) {
      const { rows } = await watch.query<{ n: string }>("SELECT count(DISTINCT pid) AS n FROM pg_locks WHERE NOT granted AND relation = ANY($1::regclass[])", [
        tables,
      ]);
      if (Number(rows[0]!.n) + finished >= RACERS.length) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await lock.query("COMMIT");
    return await Promise.all(runs);
  } finally {
    await Promise.all([lock.end(), watch.end()]);
  }
}

const backends: Record<
  string,
  { env: NodeJS.ProcessEnv; open: () => Promise<AssessmentStore>; barrier?: (racing: () => Promise<CliResult>[]) => Promise<CliResult[]> }
> = {
  postgres: {
    env: { KYOCHO_STORE: undefined, KYOCHO_DATABASE_URL: DATABASE_URL, KYOCHO_DATABASE_SCHEMA: schema },
    open: () => openStore({ databaseUrl: DATABASE_URL, schema }),
    barrier: checkpointBarrier,
  },
  // No barrier: SQLite locks the whole file, so holding it would stop the record as well as the thread.
  sqlite: { env: { KYOCHO_STORE: join(dir, "kyocho.db") }, open: () => openStore({ sqlitePath: join(dir, "kyocho.db") }) },
};

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

describe.each(Object.entries(backends))("racing signers on %s", (_name, { env, open, barrier }) => {
  it("land exactly one signature for the one remaining; the others exit 2 'already signed' and write nothing", async () => {
    const asked = runCli(["ask", "--case", CASE_FILE, "--json", "--requested-by", "tanaka"], { env });
    expect(asked.code, asked.stderr).toBe(0);
    const { id } = JSON.parse(asked.stdout) as { id: string };
    const first = runCli(["signoff", id, "--as", "sato", "--role", "credit_committee", "--decision", "decline"], { env });
    expect(first.code, first.stderr).toBe(0);

    // One signature remains; every racer's request is valid on its own (a decline needs no reason).
    const racing = (): Promise<CliResult>[] =>
      RACERS.map((who) => runCliAsync(["signoff", id, "--as", who, "--role", "credit_committee", "--decision", "decline", "--json"], { env }));
    const results = await (barrier ? barrier(racing) : Promise.all(racing()));
    const winners = RACERS.filter((_, i) => results[i]!.code === 0);
    expect(winners, results.map((r) => `${r.code}: ${r.stderr.trim()}`).join("\n")).toHaveLength(1);
    for (const r of results.filter((r) => r.code !== 0)) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      // Lost the race at the record ("already signed"), or came after the winner had finished ("already declined").
      expect(r.stderr).toMatch(/already (signed|declined)/);
    }
    const signers = ["sato", winners[0]];

    const shown = JSON.parse(runCli(["show", id, "--json"], { env }).stdout) as {
      status: string;
      signoffs: Array<{ signer: string }>;
      assessment: Assessment;
    };
    expect(shown.status).toBe("declined");
    expect(shown.signoffs.map((s) => s.signer)).toEqual(signers);
    expect(shown.assessment.signoff!.signatures.map((s) => s.name)).toEqual(signers);
    expect(shown.assessment.signoff!.status).toBe("declined");

    // The checkpointed thread: no loser resumed it.
    const store = await open();
    try {
      const tuple = await (await store.checkpointer()).getTuple({ configurable: { thread_id: id } });
      const thread = (tuple?.checkpoint.channel_values as { assessment?: Assessment } | undefined)?.assessment;
      expect(thread?.signoff?.signatures.map((s) => s.name)).toEqual(signers);
      expect(thread?.signoff?.status).toBe("declined");
    } finally {
      await store.close();
    }
  });
});
