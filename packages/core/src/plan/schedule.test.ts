import { describe, expect, it } from "vitest";
import type { Plan } from "./plan-schema.js";
import { nextStep } from "./schedule.js";

const plan: Plan = {
  tasks: [
    { id: "fx", expert: "fx", question: "", dependsOn: [], role: "required" },
    { id: "legal", expert: "legal", question: "", dependsOn: [], role: "required" },
    { id: "lending", expert: "lending", question: "", dependsOn: ["fx"], role: "required" },
    { id: "summary", expert: "s", question: "", dependsOn: ["lending", "legal"], role: "advisory" },
  ],
  rationale: "",
  planner: "given",
  warnings: [],
};

describe("nextStep", () => {
  it("starts with every task that has no dependency", () => {
    const step = nextStep(plan, {});
    expect(step.ready.map((t) => t.id)).toEqual(["fx", "legal"]);
    expect(step.done).toBe(false);
  });

  it("releases a dependant only when all its dependencies are ok", () => {
    expect(nextStep(plan, { fx: { status: "ok" } }).ready.map((t) => t.id)).toEqual(["legal", "lending"]);
    expect(nextStep(plan, { fx: { status: "ok" }, legal: { status: "ok" }, lending: { status: "ok" } }).ready.map((t) => t.id)).toEqual(["summary"]);
  });

  it("skips dependants of a failure, transitively, and finishes", () => {
    const step = nextStep(plan, { fx: { status: "failed" }, legal: { status: "ok" } });
    expect(step.skipped.map((s) => [s.task.id, s.blockedBy])).toEqual([
      ["lending", ["fx"]],
      ["summary", ["lending"]],
    ]);
    expect(step.ready).toEqual([]);
    expect(step.done).toBe(true);
  });

  it("is done when every task has a result", () => {
    const all = Object.fromEntries(plan.tasks.map((t) => [t.id, { status: "ok" as const }]));
    expect(nextStep(plan, all)).toMatchObject({ ready: [], skipped: [], done: true });
  });
});
