import { createScriptedModelClient, MemoryAuditSink } from "@kyocho/testing";
import { describe, expect, it } from "vitest";
import { creditExpert, creditRequest, testPolicy } from "../../../../test/helpers/credit-expert.js";
import { PlanSchema } from "@kyocho/core";
import { mergeAssessment } from "@kyocho/core";
import { summariseWithModel } from "./summarise-with-model.js";

async function assessment() {
  const request = creditRequest();
  const result = await creditExpert().run(request);
  return mergeAssessment({
    assessmentId: "a-test",
    question: "Can we lend USD 120m to Sakura Precision?",
    case: request.case,
    plan: PlanSchema.parse({ tasks: [request.task] }),
    results: { credit: result },
    policy: testPolicy,
  });
}

describe("summariseWithModel", () => {
  it("writes the executive summary; rating and decision stay the merge's", async () => {
    const merged = await assessment();
    const text = "Rating medium, approve with conditions: DSCR 1.33x is below the 1.40x minimum, so a cash sweep applies.";
    const model = createScriptedModelClient({ replies: [JSON.stringify({ executiveSummary: text })], model: "qwen3-summary", host: "10.0.0.9:8000" });
    const audit = new MemoryAuditSink();
    const summarised = await summariseWithModel(merged, model, { audit });
    expect(summarised.executiveSummary).toEqual({ text, model: "qwen3-summary", host: "10.0.0.9:8000", reasoning: false });
    expect({ ...summarised, executiveSummary: undefined }).toEqual({ ...merged, executiveSummary: undefined });
    expect(model.calls[0]!.turns[1]!.content).toContain('<data name="assessment">');
    expect(model.calls[0]!.options.context).toEqual({ assessmentId: "a-test", caller: "summary", purpose: "summary" });
    expect(audit.ofKind("model_call")).toHaveLength(1);
  });

  it("retries a summary with invented numbers once, then leaves the assessment unchanged", async () => {
    const merged = await assessment();
    const invented = JSON.stringify({ executiveSummary: "Losses could reach USD 45m." });
    const reasons: string[] = [];
    const summarised = await summariseWithModel(merged, createScriptedModelClient({ replies: [invented] }), { onFallback: (r) => reasons.push(r) });
    expect(summarised).toBe(merged);
    expect(reasons).toEqual(['ungrounded summary after a retry: "45m" in narrative']);
  });
});
