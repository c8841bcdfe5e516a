import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceExperts } from "@kyocho/reference-council";
import { createRedisConnection, openExpertQueue } from "@kyocho/queue";
import { deleteKeys, uniquePrefix } from "@kyocho/queue/testing";
import { runCli } from "../helpers/run-cli.js";
import { lineCount, readResults, writeQuestions } from "./helpers/batch-files.js";
import { startKyocho, stopKyocho, type KyochoProcess } from "./helpers/kyocho-process.js";
import { freezeWhileHolding } from "../helpers/freeze-holding-worker.js";

// Two `kyocho worker` processes and `kyocho batch --queue`, as an operator runs them, on a prefix of their own.
const prefix = uniquePrefix("batch");
const env = { KYOCHO_PREFIX: prefix };
const connection = createRedisConnection(process.env.REDIS_URL);
const dir = mkdtempSync(join(tmpdir(), "kyocho-queue-batch-"));
const queues = referenceExperts.map((e) => openExpertQueue(e.name, { connection, prefix }));
const workers: KyochoProcess[] = [];
// Short locks, so that a killed worker's sub-tasks come back within seconds (the default is 30 s).
const workerArgs = (name: string) => [
  "worker",
  "--name",
  name,
  "--concurrency",
  "3",
  "--lock-duration",
  "2000",
  "--stalled-interval",
  "500",
  "--max-stalled",
  "3",
];

/** Every job of the expert queues, in any state. */
async function allJobs() {
  const jobs = await Promise.all(queues.map((q) => q.getJobs(["completed", "failed", "active", "waiting", "delayed"])));
  return jobs.flat();
}

beforeAll(async () => {
  for (const name of ["worker-a", "worker-b"]) workers.push(startKyocho(workerArgs(name), env));
  await Promise.all(workers.map((w) => w.waitForStderr(/ready on/)));
}, 30_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => stopKyocho(w)));
  await Promise.all(queues.map((q) => q.close()));
  await deleteKeys(connection, prefix);
  await connection.quit();
});

describe("kyocho batch through the queue, with worker processes", () => {
  it("survives SIGKILL of a worker mid-batch: 200 lines, each id once, the same assessments as in process; both workers shared the load", async () => {
    const input = join(dir, "kill.jsonl");
    writeQuestions(input, 200, "kill");
    const reference = join(dir, "kill-reference.jsonl");
    const local = runCli(["batch", input, "--out", reference, "-q"]);
    expect(local.code, local.stderr).toBe(0);

    const output = join(dir, "kill-out.jsonl");
    const batch = startKyocho(["batch", input, "--out", output, "--queue", "--concurrency", "16"], env);
    const [victim, survivor] = workers as [KyochoProcess, KyochoProcess];
    // Let both workers do a share of the work, then freeze the victim and kill it only while it holds sub-tasks.
    while (lineCount(output) < 50) await new Promise((r) => setTimeout(r, 10));
    const held = await freezeWhileHolding(victim.child, queues, "worker-a", 500);
    const before = await allJobs();
    const doneBy = (name: string) => before.filter((j) => j.finishedOn && j.processedBy === name).length;
    victim.child.kill("SIGKILL");
    await victim.exited;

    expect(await batch.exited, batch.stderr()).toBe(0);
    expect(batch.stderr()).toMatch(/batch done: 200 assessed, 0 failed/);
    const queued = readResults(output);
    expect(queued.size).toBe(200);
    const expected = readResults(reference);
    for (const [id, record] of expected) expect(queued.get(id), id).toBe(record);

    // The sub-tasks the dead worker held were taken back and finished by the other one.
    const after = new Map((await allJobs()).map((j) => [j.id!, j]));
    for (const id of held) {
      expect(after.get(id)?.finishedOn, id).toBeTruthy();
      expect(after.get(id)?.processedBy, id).toBe("worker-b");
    }
    // Until the kill, the two workers shared the sub-tasks.
    const [a, b] = [doneBy("worker-a"), doneBy("worker-b")];
    expect(a / (a + b)).toBeGreaterThan(0.2);
    expect(b / (a + b)).toBeGreaterThan(0.2);
    expect(survivor.child.exitCode).toBeNull();
  }, 60_000);

  it("re-running an interrupted batch completes it: no id twice, no sub-task run twice", async () => {
    const input = join(dir, "resume.jsonl");
    writeQuestions(input, 200, "resume");
    const reference = join(dir, "resume-reference.jsonl");
    expect(runCli(["batch", input, "--out", reference, "-q"]).code).toBe(0);

    const output = join(dir, "resume-out.jsonl");
    const first = startKyocho(["batch", input, "--out", output, "--queue", "--concurrency", "16", "-q"], env);
    while (lineCount(output) < 60) await new Promise((r) => setTimeout(r, 10));
    first.child.kill("SIGKILL");
    await first.exited;
    const written = lineCount(output);
    expect(written).toBeLessThan(200);

    const second = runCli(["batch", input, "--out", output, "--queue", "--concurrency", "16", "-q"], { env, sharedRedis: true });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(new RegExp(`${200 - written} assessed, 0 failed, ${written} already in the output`));
    const resumed = readResults(output);
    expect(resumed.size).toBe(200);
    for (const [id, record] of readResults(reference)) expect(resumed.get(id), id).toBe(record);

    // The sub-tasks in flight when the first run died were not run again by the second: their stored results were used.
    const jobs = (await allJobs()).filter((j) => String(j.name) && JSON.stringify(j.data).includes("(resume "));
    expect(jobs.length).toBeGreaterThanOrEqual(400);
    expect(jobs.filter((j) => j.attemptsStarted !== 1).map((j) => j.id)).toEqual([]);
  }, 60_000);
});
