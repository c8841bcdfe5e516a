import { describe, expect, it } from "vitest";
import { creditExpert, creditRequest, testPolicy } from "../../../../test/helpers/credit-expert.js";
import { mergeAssessment } from "@kyocho/core";
import { PlanSchema } from "@kyocho/core";
import { ChatFineTuningLineSchema } from "./chat-fine-tuning-line.js";
import { sftExamples } from "./sft-examples.js";

async function assessed(question: string) {
  const expert = creditExpert();
  const request = creditRequest();
  const task = { ...request.task, question };
  const result = await expert.run({ ...request, task });
  const plan = PlanSchema.parse({ tasks: [task, { id: "other", expert: "other", question: "?", role: "advisory" }], planner: "embedded" });
  const failed = { ...result, taskId: "other", expert: "other", domain: "other", role: "advisory" as const, status: "failed" as const, findings: [] };
  const assessment = mergeAssessment({ assessmentId: "a-1", plan, results: { credit: result, other: failed }, policy: testPolicy, case: request.case });
  return { assessment, case: request.case, expert };
}

describe("sftExamples", () => {
  it("writes one chat example per expert that answered: context in the system prompt, the sub-question, the answer as JSON", async () => {
    const { assessment, case: c, expert } = await assessed("Is the DSCR below the minimum?");
    const examples = sftExamples({ assessment, case: c, experts: [expert, { name: "other", domain: "other", description: "x" }] });
    expect(examples.map((e) => e.expert)).toEqual(["credit"]); // the failed expert has no answer to learn from
    const [system, user, assistant] = examples[0]!.line.messages;
    expect(ChatFineTuningLineSchema.safeParse(examples[0]!.line).success).toBe(true);

    expect(system!.content).toMatch(/^You are the credit expert of a bank's risk council \(Credit analysis/);
    expect(system!.content).toContain(
      "[1] credit/policy.md § Debt service cover (CR-DSCR)\nThe DSCR must be at least 1.40x. Below it, the facility needs a cash sweep.",
    );
    expect(user!.content.startsWith("Is the DSCR below the minimum?\n")).toBe(true);
    expect(user!.content).toContain('<data name="case">');
    expect(user!.content).toContain("Sakura Precision K.K.");

    const answer = JSON.parse(assistant!.content);
    expect(answer.metrics).toEqual({ dscr: 1.3333, hedgeRatio: 0.4 });
    expect(answer.findings).toEqual([
      {
        ruleId: "CR-DSCR",
        severity: "medium",
        title: "DSCR below minimum",
        message: "DSCR 1.33x is below the 1.40x minimum.",
        metrics: { dscr: 1.3333 },
        citations: [{ document: "credit/policy.md", section: "Debt service cover (CR-DSCR)" }],
        condition: "Cash sweep until DSCR is back above 1.40x",
      },
    ]);
    expect(answer.narrative).toBe("1 credit finding. DSCR below minimum (CR-DSCR, medium): DSCR 1.33x is below the 1.40x minimum.");
  });

  it("says so when retrieval found no passage", async () => {
    const { assessment, case: c, expert } = await assessed("Zzz?");
    const [example] = sftExamples({ assessment, case: c, experts: [expert] });
    expect(example!.line.messages[0]!.content).toContain("No passage of the bank's documents was retrieved for this sub-question.");
  });
});
