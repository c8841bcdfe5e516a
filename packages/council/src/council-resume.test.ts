import { describe, expect, it } from "vitest";
import { MemorySaver } from "@langchain/langgraph";
import { defineExpert } from "@kyocho/expert-kit";
import { parsePolicy, type Assessment, type Case, type Expert } from "@kyocho/core";
import { createCouncil } from "./council.js";

const policy = parsePolicy({
  id: "test-policy",
  name: "Test policy",
  merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } },
});

const someCase = {
  id: "c-1",
  asOf: "2026-11-30",
  bank: { baseCurrency: "JPY", homeCountry: "JP", tier1Capital: 1 },
  borrower: { name: "Acme", country: "JP" },
} as Case;

/** Experts that count their runs; `gated` ones wait until their gate opens. */
function experts(runs: string[], gates: Map<string, Promise<void>>): Expert<any>[] {
  const make = (name: string, dependsOn: string[] = []) =>
    defineExpert({
      name,
      description: `${name} test expert`,
      keywords: [name],
      isRequired: () => true,
      dependsOn: () => dependsOn,
      run: async ({ dependencies }) => {
        runs.push(name);
        await gates.get(name);
        return {
          findings: [
            {
              ruleId: `${name.toUpperCase()}-1`,
              severity: "medium",
              title: name,
              message: `seen deps: ${Object.keys(dependencies).join(",")}`,
              metrics: {},
              citations: [],
              condition: `${name} condition`,
            },
          ],
          metrics: {},
        };
      },
    });
  return [make("a"), make("b"), make("c", ["a"])];
}

const withoutLatencies = (a: Assessment) => JSON.parse(JSON.stringify(a, (key, value) => (key === "latencyMs" ? undefined : value))) as unknown;

describe("council resumed from a checkpoint", () => {
  it("runs only the experts that had not finished, gives them their finished dependencies, and ends with the uninterrupted assessment", async () => {
    const checkpointer = new MemorySaver();
    const firstRuns: string[] = [];
    const never = new Promise<void>(() => undefined);
    const first = createCouncil({ experts: experts(firstRuns, new Map([["c", never]])), policy, checkpointer });
    const id = first.identify({ question: "q", case: someCase }).assessmentId;
    const stop = new AbortController();
    const stopped = first.assess({ question: "q", case: someCase }, { signal: stop.signal }).catch((error: unknown) => error);
    // Stopped once the planner and the two free experts have written to the checkpoint (what a crash after them keeps).
    for (;;) {
      const snapshot = await first.graph.getState({ configurable: { thread_id: id } });
      if (snapshot.tasks.filter((t) => t.result !== undefined).length === 3) break;
      await new Promise((r) => setImmediate(r));
    }
    stop.abort();
    expect(await stopped).toBeInstanceOf(Error);
    expect([...firstRuns].sort()).toEqual(["a", "b", "c"]);

    // A new process: a new council (no boards), the same checkpoint.
    const secondRuns: string[] = [];
    const second = createCouncil({ experts: experts(secondRuns, new Map()), policy, checkpointer });
    const resumed = await second.assess({ question: "q", case: someCase });
    expect(secondRuns).toEqual(["c"]);
    expect(resumed.findings.find((f) => f.expert === "c")?.message).toBe("seen deps: a");

    const uninterrupted = await createCouncil({ experts: experts([], new Map()), policy }).assess({ question: "q", case: someCase });
    expect(withoutLatencies(resumed)).toEqual(withoutLatencies(uninterrupted));

    // Finished: asked again, it is returned as it was, with no expert run.
    const thirdRuns: string[] = [];
    const again = await createCouncil({ experts: experts(thirdRuns, new Map()), policy, checkpointer }).assess({ question: "q", case: someCase });
    expect(thirdRuns).toEqual([]);
    expect(again).toEqual(resumed);
  });

  it("resume(id) continues a stopped run and says undefined for an id with no checkpoint", async () => {
    const checkpointer = new MemorySaver();
    const first = createCouncil({ experts: experts([], new Map([["c", new Promise<void>(() => undefined)]])), policy, checkpointer });
    const id = first.identify({ question: "q", case: someCase }).assessmentId;
    const stop = new AbortController();
    const stopped = first.assess({ question: "q", case: someCase }, { signal: stop.signal }).catch((error: unknown) => error);
    for (;;) {
      const snapshot = await first.graph.getState({ configurable: { thread_id: id } });
      if (snapshot.tasks.filter((t) => t.result !== undefined).length === 3) break;
      await new Promise((r) => setImmediate(r));
    }
    stop.abort();
    await stopped;
    const runs: string[] = [];
    const second = createCouncil({ experts: experts(runs, new Map()), policy, checkpointer });
    expect((await second.resume(id))?.id).toBe(id);
    expect(runs).toEqual(["c"]);
    expect(await second.resume("a-none")).toBeUndefined();
  });
});
