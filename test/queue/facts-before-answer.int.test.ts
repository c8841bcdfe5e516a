import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Worker } from "bullmq";
import type { ExpertRequest, ExpertResult } from "@kyocho/core";
import type { ModelRegistry } from "@kyocho/models";
import { createScriptedModelClient } from "@kyocho/testing";
import { createRedisConnection, jobIdFor, openExpertQueue, QueueExecutor, startExpertWorkers, toExpertJobData, type ExpertWorkerPool } from "@kyocho/queue";
import { deleteKeys, syntheticExpert, syntheticPolicy, uniquePrefix } from "../../packages/queue/src/testing/index.js";

// Tier: *.int.test.ts — the shared Redis. A worker whose expert has a model publishes the expert's facts (its
// deterministic result) before the model answers, and QueueExecutor hands them to `onFacts` — so that a council
// can start the sub-tasks bound to those facts while the model still writes. The model here answers only when
// the test lets it: the order of events is asserted, never a time.
const prefix = uniquePrefix("facts");
const connection = createRedisConnection(process.env.REDIS_URL);
const policy = syntheticPolicy();
const executor = new QueueExecutor({ connection, prefix, pollIntervalMs: 200 });
const pools: ExpertWorkerPool[] = [];

/** A model that answers each call only once the test opens its gate; `asked` counts the calls that arrived. */
function gatedModel() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let asked = 0;
  const client = createScriptedModelClient({
    replies: [
      async () => {
        asked++;
        await gate;
        return JSON.stringify({ narrative: "Looked at the facts.", findings: [], confidence: 0.7 });
      },
    ],
  });
  const models = { forExpert: () => client, audit: undefined } as unknown as ModelRegistry;
  return { models, open, asked: () => asked };
}

const request = (expert: string, assessmentId: string): ExpertRequest => ({
  assessmentId,
  task: { id: expert, expert, question: `What does ${expert} say about ${assessmentId}?`, dependsOn: [], role: "required" },
  case: undefined,
  policy,
  dependencies: {},
});

const fxModel = gatedModel();
beforeAll(async () => {
  pools.push(startExpertWorkers([syntheticExpert("fx")], { connection, prefix, policies: [policy], models: fxModel.models }));
  pools.push(startExpertWorkers([syntheticExpert("plain")], { connection, prefix, policies: [policy] }));
  await Promise.all(pools.map((p) => p.waitUntilReady()));
});

afterAll(async () => {
  await executor.close();
  await Promise.all(pools.map((p) => p.close({ handBack: true })));
  await deleteKeys(connection, prefix);
  await connection.quit();
});

describe("facts before the answer, across the queue", () => {
  it("calls onFacts with the deterministic result while the model is still writing, once, before execute resolves", async () => {
    const fx = request("fx", "a-facts");
    const id = jobIdFor(toExpertJobData(fx));
    const events: string[] = [];
    let facts: ExpertResult | undefined;
    let seen!: () => void;
    const factsSeen = new Promise<void>((resolve) => (seen = resolve));
    const pending = executor
      .execute(fx, {
        onFacts: (f) => {
          events.push("facts");
          facts = f;
          seen();
        },
      })
      .then((result) => {
        events.push("result");
        return result;
      });

    await factsSeen;
    // The model has been asked and has not answered: the job is still running on the worker.
    expect(fxModel.asked()).toBe(1);
    expect(await openExpertQueue("fx", { connection, prefix }).getJobState(id)).toBe("active");
    expect(events).toEqual(["facts"]);
    expect(facts).toMatchObject({ taskId: "fx", expert: "fx", status: "ok", metrics: { score: expect.any(Number) } });
    expect(facts!.modelUse).toBeUndefined();

    // A second caller of the same question joins the running job and is told its facts too.
    const joined: string[] = [];
    const second = executor.execute(fx, { onFacts: () => joined.push("facts") }).then((r) => (joined.push("result"), r));
    await until(() => joined.length > 0);

    fxModel.open();
    const result = await pending;
    expect(events).toEqual(["facts", "result"]);
    expect(result.modelUse).toMatchObject({ outcome: "accepted" });
    expect(result.findings).toEqual(facts!.findings);
    expect(await second).toEqual(result);
    expect(joined).toEqual(["facts", "result"]);

    // Asked again once it is done: the stored result, at once.
    expect(await executor.execute(fx, { onFacts: () => events.push("late facts") })).toEqual(result);
    expect(fxModel.asked()).toBe(1);
  });

  it("without a model the result is the facts: nothing is published ahead of it", async () => {
    let told = 0;
    const result = await executor.execute(request("plain", "a-plain"), { onFacts: () => told++ });
    expect(result.status).toBe("ok");
    expect(told).toBe(0);
    const job = await openExpertQueue("plain", { connection, prefix }).getJob(jobIdFor(toExpertJobData(request("plain", "a-plain"))));
    expect(job?.progress).toBe(0);
  });

  it("ignores progress that is not this sub-task's expert result", async () => {
    const queue = openExpertQueue("forger", { connection, prefix });
    const other = {
      taskId: "lending",
      expert: "lending",
      domain: "lending",
      role: "required",
      status: "ok",
      findings: [],
      metrics: {},
      citations: [],
      notes: [],
    };
    const real = { ...other, taskId: "forger", expert: "forger", domain: "forger" };
    const worker = new Worker(
      queue.name,
      async (job) => {
        await job.updateProgress({ nonsense: true });
        await job.updateProgress(other);
        return real;
      },
      { connection, prefix: queue.opts.prefix! },
    );
    try {
      let told = 0;
      const result = await executor.execute(request("forger", "a-forger"), { onFacts: () => told++ });
      expect(result).toMatchObject({ taskId: "forger", status: "ok" });
      expect(told).toBe(0);
    } finally {
      await worker.close();
      await queue.close();
    }
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}
