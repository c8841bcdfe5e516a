import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { referenceExperts } from "@kyocho/reference-council";
import { createRedisConnection, openExpertQueue } from "@kyocho/queue";
import { deleteKeys, uniquePrefix } from "../../packages/queue/src/testing/index.js";
import { cliEnv } from "../helpers/cli-env.js";
import { REPO_ROOT } from "../helpers/run-cli.js";

// Workflow 4 as its README runs it, against the Redis at REDIS_URL, on a prefix of its own.
const prefix = uniquePrefix("example-batch");
const connection = createRedisConnection(process.env.REDIS_URL);

afterAll(async () => {
  await deleteKeys(connection, prefix);
  await connection.quit();
});

describe("example (4): ten deals through the queue", () => {
  it("starts its workers, runs the batch through them, writes a report per deal and a summary, and stops the workers", () => {
    const out = mkdtempSync(join(tmpdir(), "kyocho-example-batch-"));
    const r = spawnSync(process.execPath, ["--import", "tsx", "examples/queue-batch.ts", "--out", out], {
      cwd: REPO_ROOT,
      env: cliEnv({ KYOCHO_PREFIX: prefix }, { sharedRedis: true }),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("2 worker(s) ready");
    expect(r.stderr).toMatch(/batch done: 10 assessed, 0 failed/);
    const answers = readFileSync(join(out, "batch", "answers.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(answers).toHaveLength(10);
    for (const a of answers) {
      expect(a.assessment, a.id).toBeDefined();
      expect(existsSync(join(out, "batch", `${a.id}.html`)), a.id).toBe(true);
    }
    const summary = readFileSync(join(out, "batch", "summary.md"), "utf8");
    expect(summary).toContain("| [usd-bond-underwriting](usd-bond-underwriting.html) | approve_with_conditions | medium |");
    expect(summary).toContain("| [sanctions-declined](sanctions-declined.html) | decline | critical |");
  }, 60_000);

  it("ran its sub-tasks on the example's own workers, on its own prefix", async () => {
    const queues = referenceExperts.map((e) => openExpertQueue(e.name, { connection, prefix }));
    try {
      const jobs = (await Promise.all(queues.map((q) => q.getJobs(["completed"])))).flat();
      expect(jobs.length).toBeGreaterThanOrEqual(10);
      // Which of the two took how many is BullMQ's business; that nothing else took any is the example's.
      for (const job of jobs) expect(["example-worker-1", "example-worker-2"], job.id).toContain(job.processedBy);
    } finally {
      await Promise.all(queues.map((q) => q.close()));
    }
  });
});
