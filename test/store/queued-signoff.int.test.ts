import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisConnection } from "@kyocho/queue";
import { deleteKeys, uniquePrefix } from "@kyocho/queue/testing";
import { runCli } from "../helpers/run-cli.js";
import { startKyocho, stopKyocho } from "../queue/helpers/kyocho-process.js";

// Tier: *.int.test.ts — the shared Redis and a SQLite store. An assessment whose sub-tasks ran on workers is a
// checkpointed thread like any other: it waits for sign-off and a signer can resume it.
const prefix = uniquePrefix("queued-signoff");
const dir = mkdtempSync(join(tmpdir(), "kyocho-queued-signoff-"));
const env = { KYOCHO_PREFIX: prefix, KYOCHO_STORE: join(dir, "kyocho.db") };
const connection = createRedisConnection(process.env.REDIS_URL);

afterAll(async () => {
  await deleteKeys(connection, prefix);
  await connection.quit();
  rmSync(dir, { recursive: true, force: true });
});

describe("a queued assessment in the store", () => {
  it("waits for sign-off, and kyocho signoff resumes it", async () => {
    const worker = startKyocho(["worker", "--name", "signoff-worker"], env);
    try {
      await worker.waitForStderr(/ready on/);
      const asked = startKyocho(["ask", "--queue", "--case", "examples/cases/acquisition-finance.yaml", "--json", "--requested-by", "tanaka", "-q"], env);
      expect(await asked.exited, asked.stderr()).toBe(0);
      const assessment = JSON.parse(asked.stdout()) as { id: string; signoff: { status: string } };
      expect(assessment.signoff.status).toBe("awaiting_signoff");

      for (const signer of ["sato", "suzuki"]) {
        const signed = runCli(
          ["signoff", assessment.id, "--as", signer, "--role", "credit_committee", "--decision", "decline", "--reason", "FX stress too high"],
          {
            env,
          },
        );
        expect(signed.code, signed.stderr).toBe(0);
      }
      const shown = JSON.parse(runCli(["show", assessment.id, "--json"], { env }).stdout) as { status: string; signoffs: Array<{ signer: string }> };
      expect(shown.status).toBe("declined");
      expect(shown.signoffs.map((s) => s.signer)).toEqual(["sato", "suzuki"]);
    } finally {
      await stopKyocho(worker);
    }
  }, 90_000);
});
