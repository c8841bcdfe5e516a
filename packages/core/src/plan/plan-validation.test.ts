import { describe, expect, it } from "vitest";
import { PlanValidationError } from "../errors/kyocho-error.js";
import { findCycle, validatePlan } from "./plan-validation.js";

const task = (id: string, dependsOn: string[] = [], expert = id) => ({ id, expert, question: `q ${id}`, dependsOn });
const experts = ["fx", "lending", "legal", "markets"];

describe("validatePlan", () => {
  it("accepts a DAG and applies defaults", () => {
    const plan = validatePlan({ tasks: [task("fx"), task("lending", ["fx"])] }, experts);
    expect(plan.tasks[1]).toMatchObject({ id: "lending", dependsOn: ["fx"], role: "required" });
    expect(plan.planner).toBe("given");
  });

  it("rejects an unknown expert with its path", () => {
    expect(() => validatePlan({ tasks: [task("x", [], "astrology")] }, experts)).toThrow(/plan\.tasks\[0\]\.expert: unknown expert "astrology"/);
  });

  it("rejects a dependency on a task that does not exist", () => {
    expect(() => validatePlan({ tasks: [task("lending", ["fx"])] }, experts)).toThrow(/plan\.tasks\[0\]\.dependsOn\[0\]: depends on unknown task "fx"/);
  });

  it("rejects a self-dependency, a duplicate id and a cycle", () => {
    expect(() => validatePlan({ tasks: [task("fx", ["fx"])] }, experts)).toThrow(/depends on itself/);
    expect(() => validatePlan({ tasks: [task("fx"), task("fx")] }, experts)).toThrow(/plan\.tasks\[1\]\.id: duplicate task id/);
    const cyclic = { tasks: [task("fx", ["legal"]), task("legal", ["lending"]), task("lending", ["fx"])] };
    expect(() => validatePlan(cyclic, experts)).toThrow(PlanValidationError);
    expect(() => validatePlan(cyclic, experts)).toThrow(/dependency cycle fx → legal → lending → fx/);
  });

  it("names the field of a malformed plan", () => {
    expect(() => validatePlan({ tasks: [{ id: "fx", expert: "fx" }] }, experts)).toThrow(/plan\.tasks\[0\]\.question/);
    expect(() => validatePlan({ tasks: [{ ...task("fx"), extra: 1 }] }, experts)).toThrow(/plan\.tasks\[0\]\.extra: unknown key/);
  });
});

describe("findCycle", () => {
  it("finds none in a diamond", () => {
    expect(
      findCycle({ tasks: [task("a"), task("b", ["a"]), task("c", ["a"]), task("d", ["b", "c"])].map((t) => ({ ...t, role: "required" as const })) }),
    ).toBeUndefined();
  });
});
