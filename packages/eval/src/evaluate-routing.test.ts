import { describe, expect, it } from "vitest";
import { parseCase } from "@kyocho/core";
import type { Plan } from "@kyocho/core";
import { evaluateRouting } from "./evaluate-routing.js";

const planOf = (...experts: string[]): Plan => ({
  tasks: experts.map((e) => ({ id: e, expert: e, question: "", dependsOn: [], role: "advisory" as const })),
  rationale: "",
  planner: "stub",
  warnings: [],
});

describe("evaluateRouting", () => {
  it("plans every line and scores the experts of each plan", async () => {
    const seen: string[] = [];
    const result = await evaluateRouting(
      [
        { line: 1, id: "a", question: "hedge?", case: undefined, experts: ["fx"] },
        { line: 2, id: "b", question: "", case: parseCase({ question: "from the case" }), experts: ["legal"] },
      ],
      async (question) => {
        seen.push(question);
        return question === "hedge?" ? planOf("fx", "fx") : planOf("lending");
      },
    );
    expect(seen).toEqual(["hedge?", "from the case"]);
    expect(result).toMatchObject({ lines: 2, truePositives: 1, falsePositives: 1, falseNegatives: 1, planners: ["stub"] });
    expect(result.misses).toEqual([{ id: "b", line: 2, question: "", missed: ["legal"], extra: ["lending"] }]);
  });
});
