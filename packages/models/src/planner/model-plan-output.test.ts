import { describe, expect, it } from "vitest";
import { extractJsonObject, modelPlanJsonSchema, parseModelPlanOutput } from "./model-plan-output.js";

describe("extractJsonObject", () => {
  it("reads plain JSON, fenced JSON and JSON after prose or a think block", () => {
    expect(extractJsonObject('{"tasks": []}')).toEqual({ tasks: [] });
    expect(extractJsonObject('Here is the plan:\n```json\n{"tasks": []}\n```')).toEqual({ tasks: [] });
    expect(extractJsonObject('<think>fx first</think>\nPlan: {"tasks": [], "rationale": "x"} done')).toEqual({ tasks: [], rationale: "x" });
  });

  it("says why when there is no JSON to read", () => {
    expect(() => extractJsonObject("I cannot help with that.")).toThrow(/holds no JSON/);
    expect(() => extractJsonObject('{"tasks": [ {"expert": "fx",')).toThrow(/not valid JSON/);
  });
});

describe("parseModelPlanOutput", () => {
  it("applies defaults and ignores keys the planner decides itself", () => {
    expect(parseModelPlanOutput({ tasks: [{ expert: "fx", role: "required" }] })).toEqual({
      tasks: [{ expert: "fx", question: "", dependsOn: [] }],
      rationale: "",
    });
  });

  it("names the path of the first problem", () => {
    expect(() => parseModelPlanOutput({ tasks: "fx" })).toThrow(/tasks: /);
    expect(() => parseModelPlanOutput({ tasks: [{ question: "x" }] })).toThrow(/tasks\[0\]\.expert/);
  });
});

describe("modelPlanJsonSchema", () => {
  it("lists the council's experts as the only names a task may use", () => {
    const schema = modelPlanJsonSchema(["lending", "fx"]);
    expect(schema.properties.tasks.items.properties.expert.enum).toEqual(["lending", "fx"]);
    expect(schema.properties.tasks.items.properties.dependsOn.items.enum).toEqual(["lending", "fx"]);
  });
});
