import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REFERENCE_POLICY_V1_PATH } from "@kyocho/reference-council";
import { createRedisConnection } from "@kyocho/queue";
import { deleteKeys, uniquePrefix } from "../../packages/queue/src/testing/index.js";
import { lineCount } from "./helpers/batch-files.js";
import { startKyocho, stopKyocho } from "./helpers/kyocho-process.js";

// Tier: *.int.test.ts — the shared Redis. A worker runs sub-tasks only under the policies it was started with: a
// batch under another policy is not assessed under the worker's, its lines are left for a re-run, and both sides
// say POLICY_MISMATCH with the two policies named.
const prefix = uniquePrefix("policy");
const env = { KYOCHO_PREFIX: prefix, KYOCHO_CONFIG: "", KYOCHO_MODEL_BASE_URL: "" };
const connection = createRedisConnection(process.env.REDIS_URL);
const dir = mkdtempSync(join(tmpdir(), "kyocho-policy-mismatch-"));

afterAll(async () => {
  await deleteKeys(connection, prefix);
  await connection.quit();
});

describe("a batch under a policy its workers do not hold", () => {
  it("leaves every line unfinished with POLICY_MISMATCH, and runs once a worker holds that policy", async () => {
    const input = join(dir, "in.jsonl");
    writeFileSync(input, `${JSON.stringify({ id: "q1", question: "Can we lend USD 30m to Sakura Precision?" })}\n`);
    const output = join(dir, "out.jsonl");
    const worker = startKyocho(["worker", "--name", "reference-only"], env);
    try {
      await worker.waitForStderr(/ready on .*policies reference-v2/);
      const batch = startKyocho(["batch", input, "--out", output, "--queue", "--policy", REFERENCE_POLICY_V1_PATH, "-q"], env);
      expect(await batch.exited, batch.stderr()).toBe(1);
      expect(batch.stderr()).toMatch(
        /not finished.*POLICY_MISMATCH: .*the job's policy reference-v1 .*\(sha256 [0-9a-f]{12}\) is not one this worker holds \(reference-v2 .*\(sha256 [0-9a-f]{12}\)\)/,
      );
      expect(lineCount(output)).toBe(0);
      await worker.waitForStderr(/POLICY_MISMATCH/);
    } finally {
      await stopKyocho(worker);
    }

    // A worker that holds both policies runs the same batch: the failed jobs are retried under the right policy.
    const both = startKyocho(
      ["worker", "--name", "both", "--policy", REFERENCE_POLICY_V1_PATH, "--policy", join("councils", "reference", "policies", "reference-v2.yaml")],
      env,
    );
    try {
      await both.waitForStderr(/ready on .*policies reference-v1.*reference-v2/);
      const again = startKyocho(["batch", input, "--out", output, "--queue", "--policy", REFERENCE_POLICY_V1_PATH, "-q"], env);
      expect(await again.exited, again.stderr()).toBe(0);
      expect(lineCount(output)).toBe(1);
    } finally {
      await stopKyocho(both);
    }
  }, 60_000);
});
