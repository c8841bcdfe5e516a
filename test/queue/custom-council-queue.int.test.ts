import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisConnection, openExpertQueue } from "@kyocho/queue";
import { deleteKeys, uniquePrefix } from "../../packages/queue/src/testing/index.js";
import { REPO_ROOT, runCli } from "../helpers/run-cli.js";
import { readResults } from "./helpers/batch-files.js";
import { startKyocho, stopKyocho } from "./helpers/kyocho-process.js";

// Tier: *.int.test.ts — the shared Redis. A council of the user's own through the queue: `kyocho worker --council`
// serves the module's fifth expert, `kyocho batch --queue --council` sends it its sub-tasks, and the answers are
// the in-process ones.
const prefix = uniquePrefix("council");
const env = { KYOCHO_PREFIX: prefix, KYOCHO_CONFIG: "", KYOCHO_MODEL_BASE_URL: "" };
const connection = createRedisConnection(process.env.REDIS_URL);
const dir = mkdtempSync(join(tmpdir(), "kyocho-council-queue-"));
const COUNCIL = join(REPO_ROOT, "examples/councils/real-estate.ts");
const CASE = join(REPO_ROOT, "examples/councils/office-tower.yaml");

afterAll(async () => {
  await deleteKeys(connection, prefix);
  await connection.quit();
});

describe("a custom council on the queue", () => {
  it("kyocho worker --council serves the fifth expert; batch --queue --council gives the in-process answers", async () => {
    const input = join(dir, "in.jsonl");
    const { readFileSync } = await import("node:fs");
    const { parse } = await import("yaml");
    const deal = parse(readFileSync(CASE, "utf8"));
    writeFileSync(
      input,
      ["a", "b"].map((id, i) => JSON.stringify({ id, question: `Can we refinance the office tower loan? (${i})`, case: deal })).join("\n") + "\n",
    );
    const reference = join(dir, "local.jsonl");
    const local = runCli(["batch", input, "--out", reference, "--council", COUNCIL, "-q"], { env });
    expect(local.code, local.stderr).toBe(0);

    const worker = startKyocho(["worker", "--council", COUNCIL, "--name", "council-worker"], env);
    try {
      await worker.waitForStderr(/ready on .*real-estate/);
      const output = join(dir, "queued.jsonl");
      const batch = startKyocho(["batch", input, "--out", output, "--queue", "--council", COUNCIL, "-q"], env);
      expect(await batch.exited, batch.stderr()).toBe(0);
      const queued = readResults(output);
      expect(queued.size).toBe(2);
      for (const [id, record] of readResults(reference)) expect(queued.get(id), id).toBe(record);
      expect(queued.get("a")).toContain("RE-VACANCY");
    } finally {
      await stopKyocho(worker);
    }
    // The fifth expert's sub-tasks ran on its own queue, on that worker.
    const queue = openExpertQueue("real-estate", { connection, prefix });
    const done = await queue.getJobs(["completed"]);
    await queue.close();
    expect(done.length).toBe(2);
    expect(done.every((j) => j.processedBy === "council-worker")).toBe(true);
  }, 90_000);
});
