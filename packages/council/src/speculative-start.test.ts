import { PlanSchema, type SubTask } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { speculativeTasks, withStartedTasks } from "./speculative-start.js";

const plan = (tasks: unknown[], extra: Record<string, unknown> = {}) => PlanSchema.parse({ tasks, ...extra });

describe("speculative start", () => {
  it("starts the required tasks and what they depend on, nothing advisory besides", () => {
    const embedded = plan([
      { id: "fx", expert: "fx", question: "fx?", role: "advisory" },
      { id: "lending", expert: "lending", question: "lending?", dependsOn: ["fx"], role: "required" },
      { id: "markets", expert: "markets", question: "markets?", role: "advisory" },
      { id: "legal", expert: "legal", question: "legal?", role: "required" },
    ]);
    const started = speculativeTasks(embedded);
    expect(started.map((t) => t.id)).toEqual(["fx", "lending", "legal"]);
    expect(started.every((t) => t.speculative)).toBe(true);
  });

  it("keeps the started tasks in the planner's plan, points the planner's dependants at them, and says so", () => {
    const started: SubTask[] = [
      { id: "fx", expert: "fx", question: "fx?", dependsOn: [], role: "required", speculative: true },
      { id: "lending", expert: "lending", question: "lending?", dependsOn: ["fx"], role: "required", speculative: true },
    ];
    // A planner that names its tasks otherwise, leaves fx out, and adds markets after "credit-1".
    const fromPlanner = plan(
      [
        { id: "credit-1", expert: "lending", question: "Better lending question", role: "required" },
        { id: "mkts", expert: "markets", question: "markets?", dependsOn: ["credit-1"], role: "advisory" },
      ],
      { planner: "model" },
    );
    const final = withStartedTasks(fromPlanner, started);

    expect(final.tasks.map((t) => [t.id, t.dependsOn, t.speculative ?? false])).toEqual([
      ["fx", [], true],
      ["lending", ["fx"], true],
      ["mkts", ["lending"], false],
    ]);
    expect(final.tasks.find((t) => t.id === "lending")!.question).toBe("lending?");
    expect(final.warnings.at(-1)).toBe(
      "started before the planner answered: fx, lending (on the embedded sub-questions; the planner's own for lending were not used)",
    );
  });

  it("changes nothing when nothing started early", () => {
    const p = plan([{ id: "fx", expert: "fx", question: "fx?" }]);
    expect(withStartedTasks(p, [])).toBe(p);
  });
});
