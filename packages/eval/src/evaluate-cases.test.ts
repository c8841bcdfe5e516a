import { describe, expect, it } from "vitest";
import type { Assessment } from "@kyocho/core";
import { parseCase } from "@kyocho/core";
import type { EvalCase } from "./case-set.js";
import { compareConfigurations } from "./compare-configurations.js";
import { evaluateCases } from "./evaluate-cases.js";

const evalCase = (name: string, decision: "approve" | "decline"): EvalCase => ({
  name,
  file: `${name}.yaml`,
  case: parseCase({ id: name }),
  question: "",
  expected: { rating: decision === "approve" ? "low" : "critical", decision, incomplete: false, findings: [], experts: {}, metrics: {} },
});

const assessment = (decision: "approve" | "decline"): Assessment =>
  ({ rating: decision === "approve" ? "low" : "critical", decision, incomplete: false, findings: [] }) as unknown as Assessment;

describe("evaluateCases", () => {
  it("runs only the cases with an expected result, times each with the clock, and warms up first", async () => {
    const cases = [evalCase("a", "approve"), { ...evalCase("no-expected", "approve"), expected: undefined }, evalCase("b", "decline")];
    const calls: string[] = [];
    let now = 0;
    const evaluation = await evaluateCases(
      cases,
      async (c) => {
        calls.push(c.name);
        now += c.name === "a" ? 5 : 15;
        return assessment("approve");
      },
      { clock: () => now },
    );
    expect(calls).toEqual(["a", "a", "b"]); // one warm-up run of the first case, not counted
    expect(evaluation.cases).toBe(2);
    expect(evaluation.decisionAccuracy).toBe(0.5);
    expect(evaluation.outcomes).toEqual([
      { name: "a", decision: "approve", expectedDecision: "approve", rating: "low", expectedRating: "low", latencyMs: 5 },
      { name: "b", decision: "approve", expectedDecision: "decline", rating: "low", expectedRating: "critical", latencyMs: 15 },
    ]);
  });

  it("goes on after a case whose assessment throws, counting it as wrong", async () => {
    const evaluation = await evaluateCases(
      [evalCase("a", "approve"), evalCase("b", "approve")],
      async (c) => {
        if (c.name === "a") throw new Error("model server gone\nstack…");
        return assessment("approve");
      },
      { warmUp: false },
    );
    expect(evaluation.decisionAccuracy).toBe(0.5);
    expect(evaluation.outcomes[0]).toMatchObject({ name: "a", decision: null, error: "model server gone" });
  });
});

describe("compareConfigurations", () => {
  it("runs the same cases under each configuration, one after the other", async () => {
    const cases = [evalCase("a", "approve"), evalCase("b", "decline")];
    const order: string[] = [];
    const rows = await compareConfigurations(
      cases,
      [
        { name: "embedded", reasoning: null, context: null, assess: async (c) => assessment(c.expected!.decision as "approve" | "decline") },
        { name: "model", reasoning: true, context: false, assess: async () => assessment("decline") },
      ],
      { warmUp: false, onCase: (configuration, name) => order.push(`${configuration}/${name}`) },
    );
    expect(order).toEqual(["embedded/a", "embedded/b", "model/a", "model/b"]);
    expect(rows.map((r) => [r.name, r.reasoning, r.context, r.evaluation.decisionAccuracy])).toEqual([
      ["embedded", null, null, 1],
      ["model", true, false, 0.5],
    ]);
  });
});
