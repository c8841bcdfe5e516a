import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Assessment } from "@kyocho/core";
import { AlreadySignedError, MIGRATIONS, openStore, StatusConflictError, type AssessmentRecordInput, type AssessmentStore } from "./index.js";

const DATABASE_URL = process.env.KYOCHO_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

interface Backend {
  name: string;
  open(now: () => Date): Promise<AssessmentStore>;
  /** Reopens the same database (a second process would). */
  reopen(now: () => Date): Promise<AssessmentStore>;
  cleanup(): Promise<void>;
}

function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), "kyocho-store-"));
  const path = join(dir, "nested", "kyocho.db");
  return {
    name: "sqlite",
    open: (now) => openStore({ sqlitePath: path, now }),
    reopen: (now) => openStore({ sqlitePath: path, now }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresBackend(): Backend {
  const schema = `kyocho_test_${randomBytes(6).toString("hex")}`;
  return {
    name: "postgres",
    open: (now) => openStore({ databaseUrl: DATABASE_URL, schema, now }),
    reopen: (now) => openStore({ databaseUrl: DATABASE_URL, schema, now }),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

const assessment = (id: string, decision: Assessment["decision"], rating: Assessment["rating"]) =>
  ({
    id,
    decision,
    rating,
    incomplete: false,
    summary: "s",
    reasons: [],
    missing: [],
    domains: [],
    findings: [],
    conditions: [],
    experts: [],
    vetoes: [],
    policy: { id: "p", name: "P" },
  }) as unknown as Assessment;

/** Node 20 has no `Array.fromAsync`. */
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const input = (id: string, extra: Partial<AssessmentRecordInput> = {}): AssessmentRecordInput => ({
  id,
  asOf: "2026-11-30",
  question: "Can we lend?",
  caseSha256: "c".repeat(64),
  policy: { id: "reference-v2", version: "2.0.0", sha256: "p".repeat(64) },
  status: "running",
  assessment: undefined,
  requestedBy: "tanaka",
  ...extra,
});

describe.each([
  ["sqlite", sqliteBackend],
  ["postgres", postgresBackend],
] as const)("AssessmentStore on %s", (_name, make) => {
  let backend: Backend;
  let store: AssessmentStore;
  let clock = Date.parse("2026-11-30T09:00:00.000Z");
  const now = () => new Date(clock);

  beforeEach(async () => {
    backend = make();
    clock = Date.parse("2026-11-30T09:00:00.000Z");
    store = await backend.open(now);
  });
  afterEach(async () => {
    try {
      await store.close();
    } finally {
      await backend.cleanup();
    }
  });

  it("saves a running record, then completes it: rating, decision and the assessment read back; created_at and requested_by stay", async () => {
    const first = await store.save(input("a-1"));
    expect(first).toMatchObject({
      id: "a-1",
      status: "running",
      rating: undefined,
      assessment: undefined,
      requestedBy: "tanaka",
      createdAt: "2026-11-30T09:00:00.000Z",
    });
    clock += 60_000;
    const done = await store.save(input("a-1", { status: "completed", assessment: assessment("a-1", "escalate", "high"), requestedBy: "someone-else" }));
    expect(done).toMatchObject({ status: "completed", rating: "high", decision: "escalate", incomplete: false, requestedBy: "tanaka" });
    expect(done.createdAt).toBe("2026-11-30T09:00:00.000Z");
    expect(done.updatedAt).toBe("2026-11-30T09:01:00.000Z");
    expect(done.assessment?.decision).toBe("escalate");
    expect(await store.get("a-1")).toEqual(done);
    expect(await store.get("a-missing")).toBeUndefined();
  });

  it("lists newest first, by status and since a date", async () => {
    await store.save(input("a-old", { status: "completed" }));
    clock = Date.parse("2026-12-02T08:00:00.000Z");
    await store.save(input("a-new", { status: "awaiting_signoff" }));
    clock += 1000;
    await store.save(input("a-newer", { status: "completed" }));
    expect((await store.list()).map((r) => r.id)).toEqual(["a-newer", "a-new", "a-old"]);
    expect((await store.list({ status: "completed" })).map((r) => r.id)).toEqual(["a-newer", "a-old"]);
    expect((await store.list({ since: "2026-12-01" })).map((r) => r.id)).toEqual(["a-newer", "a-new"]);
    expect((await store.list({ status: "completed", since: "2026-12-01" })).map((r) => r.id)).toEqual(["a-newer"]);
  });

  it("lists each stored case hash once, since a date as `list` reads it, leaving out records without one", async () => {
    const [a, b, c] = ["a", "b", "c"].map((x) => x.repeat(64));
    await store.save(input("r-old", { caseSha256: c }));
    await store.save(input("r-old-a", { caseSha256: a }));
    clock = Date.parse("2026-12-02T08:00:00.000Z");
    await store.save(input("r-a", { caseSha256: a }));
    await store.save(input("r-a-again", { caseSha256: a, status: "completed" }));
    clock += 1000;
    await store.save(input("r-b", { caseSha256: b }));
    await store.save(input("r-none", { caseSha256: undefined }));
    const hashes = async (filter?: { since?: string }) => (await collect(store.caseHashes(filter))).sort();
    expect(await hashes()).toEqual([a, b, c]);
    expect(await hashes({ since: "2026-12-01" })).toEqual([a, b]);
    // At or after: a record created at the instant itself counts, as in `list`.
    expect(await hashes({ since: "2026-12-02T08:00:01.000Z" })).toEqual([b]);
    expect(await hashes({ since: "2026-12-03" })).toEqual([]);
  });

  it("frees the connection when the caller leaves the case hashes early", async () => {
    for (const x of ["a", "b", "c"]) await store.save(input(`r-${x}`, { caseSha256: x.repeat(64) }));
    // More early exits than the PostgreSQL pool has clients: one kept per exit would leave none for the save below.
    for (let i = 0; i < 6; i++) for await (const _ of store.caseHashes()) break;
    await store.save(input("r-d", { caseSha256: "d".repeat(64) }));
    expect(await collect(store.caseHashes())).toHaveLength(4);
  });

  it("changes a status only from the expected ones (compare-and-set)", async () => {
    await store.save(input("a-1", { status: "awaiting_signoff" }));
    expect(await store.setStatus("a-1", { from: ["completed"], to: "approved" })).toBe(false);
    expect((await store.get("a-1"))?.status).toBe("awaiting_signoff");
    expect(await store.setStatus("a-1", { from: ["awaiting_signoff"], to: "approved" })).toBe(true);
    expect((await store.get("a-1"))?.status).toBe("approved");
    expect(await store.setStatus("a-missing", { from: ["awaiting_signoff"], to: "approved" })).toBe(false);
  });

  it("records sign-offs once per signer; a refused one writes nothing", async () => {
    await store.save(input("a-1", { status: "awaiting_signoff" }));
    const signed = await store.addSignoff({
      assessmentId: "a-1",
      signer: "sato",
      role: "credit_department",
      decision: "approve_with_conditions",
      conditions: ["quarterly covenant test"],
      reason: "strong sponsor",
    });
    expect(signed.signedAt).toBe("2026-11-30T09:00:00.000Z");
    await expect(
      store.addSignoff({ assessmentId: "a-1", signer: "sato", role: "credit_department", decision: "approve", conditions: [], reason: undefined }),
    ).rejects.toBeInstanceOf(AlreadySignedError);
    // The status moves with the sign-off, in one transaction; a stale expectation refuses both.
    await store.addSignoff(
      { assessmentId: "a-1", signer: "suzuki", role: "credit_committee", decision: "approve", conditions: [], reason: undefined },
      { from: ["awaiting_signoff"], to: "approved" },
    );
    await expect(
      store.addSignoff(
        { assessmentId: "a-1", signer: "ito", role: "credit_committee", decision: "decline", conditions: [], reason: "no" },
        { from: ["awaiting_signoff"], to: "declined" },
      ),
    ).rejects.toBeInstanceOf(StatusConflictError);
    expect((await store.get("a-1"))?.status).toBe("approved");
    expect(await store.signoffs("a-1")).toEqual([
      {
        assessmentId: "a-1",
        signer: "sato",
        role: "credit_department",
        decision: "approve_with_conditions",
        conditions: ["quarterly covenant test"],
        reason: "strong sponsor",
        signedAt: "2026-11-30T09:00:00.000Z",
      },
      {
        assessmentId: "a-1",
        signer: "suzuki",
        role: "credit_committee",
        decision: "approve",
        conditions: [],
        reason: undefined,
        signedAt: "2026-11-30T09:00:00.000Z",
      },
    ]);
    await expect(
      store.addSignoff({ assessmentId: "a-missing", signer: "sato", role: "r", decision: "approve", conditions: [], reason: undefined }),
    ).rejects.toBeInstanceOf(StatusConflictError);
  });

  it("lets exactly one of several people racing for the same signature land (the record's lock, then the count)", async () => {
    await store.save(input("a-1", { status: "awaiting_signoff" }));
    const others = await Promise.all([backend.reopen(now), backend.reopen(now)]);
    try {
      const attempts = ["ito", "kato", "mori", "sato", "ueda", "endo"].map((signer, i) =>
        [store, ...others][i % 3]!.addSignoff(
          { assessmentId: "a-1", signer, role: "credit_committee", decision: "approve", conditions: [], reason: undefined },
          { from: ["awaiting_signoff"], to: "awaiting_signoff", signoffsBefore: 0 },
        ),
      );
      const settled = await Promise.allSettled(attempts);
      expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
      for (const s of settled) if (s.status === "rejected") expect(s.reason).toBeInstanceOf(StatusConflictError);
      expect(await store.signoffs("a-1")).toHaveLength(1);
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });

  it("finds the assessment that supersedes a returned one, and keeps the link through later saves", async () => {
    await store.save(input("a-1", { status: "returned" }));
    clock += 1000;
    const next = await store.save(input("a-2", { supersedes: "a-1" }));
    await store.save({ ...next, status: "awaiting_signoff" });
    expect((await store.supersededBy("a-1")).map((r) => [r.id, r.supersedes, r.status])).toEqual([["a-2", "a-1", "awaiting_signoff"]]);
    expect(await store.supersededBy("a-2")).toEqual([]);
    expect((await store.get("a-1"))?.supersedes).toBeUndefined();
  });

  it("applies each migration once: reopening the database keeps the data and the migration log", async () => {
    await store.save(input("a-1"));
    await store.close();
    store = await backend.reopen(now);
    expect((await store.get("a-1"))?.id).toBe("a-1");
    const again = await backend.reopen(now);
    await again.close();
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it("gives a LangGraph checkpointer on the same database", async () => {
    const saver = await store.checkpointer();
    expect(await saver.getTuple({ configurable: { thread_id: "a-1" } })).toBeUndefined();
    expect(await store.checkpointer()).toBe(saver);
  });
});

describe("AssessmentStore.caseHashes on postgres past one page", () => {
  const schema = `kyocho_test_${randomBytes(6).toString("hex")}`;
  let store: AssessmentStore;
  afterEach(async () => {
    await store?.close();
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it("reads every page of the cursor: 1,300 distinct hashes from 2,700 records", async () => {
    store = await openStore({ databaseUrl: DATABASE_URL, schema });
    const client = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      // Written in one statement: 2,700 saves would take seconds. 2,500 recent records over 1,200 hashes,
      // 100 older ones with hashes of their own, 100 without a hash.
      await client.query(`INSERT INTO assessments (id, question, case_sha256, policy_id, policy_sha256, status, requested_by, created_at, updated_at)
        SELECT 'r-' || i, 'q', CASE WHEN i <= 2500 THEN lpad(to_hex(i % 1200), 64, '0') WHEN i <= 2600 THEN lpad(to_hex(10000 + i), 64, '0') END,
          'p', 'p', 'completed', 'tanaka', t, t
        FROM generate_series(1, 2700) AS i, LATERAL (SELECT CASE WHEN i BETWEEN 2501 AND 2600 THEN '2026-11-01T09:00:00.000Z' ELSE '2026-12-02T09:00:00.000Z' END AS t) AS c`);
    } finally {
      await client.end();
    }
    const all = await collect(store.caseHashes());
    expect(all).toHaveLength(1300);
    expect(new Set(all).size).toBe(1300);
    const recent = new Set(await collect(store.caseHashes({ since: "2026-12-01" })));
    expect(recent.size).toBe(1200);
    expect(recent.has("0".repeat(64))).toBe(true);
    expect(recent.has((10000 + 2501).toString(16).padStart(64, "0"))).toBe(false);
  });
});
