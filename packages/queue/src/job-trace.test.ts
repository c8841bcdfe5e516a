import { describe, expect, it } from "vitest";
import type { ExpertRequest } from "@kyocho/core";
import { JobContractError, parseExpertJobData, requestFromJobData, toExpertJobData } from "./expert-job.js";
import { jobIdFor } from "./job-id.js";
import { syntheticPolicy } from "./testing/synthetic-experts.js";

const policy = syntheticPolicy();
const request: ExpertRequest = {
  assessmentId: "a-1",
  task: { id: "fx", expert: "fx", question: "Hedged?", dependsOn: [], role: "required" },
  case: undefined,
  policy,
  dependencies: {},
};
const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

describe("the trace context a job carries", () => {
  it("is accepted as a W3C traceparent, left out of the job id, and not passed on to the expert", () => {
    const data = { ...toExpertJobData(request), trace: { traceparent: TRACEPARENT } };
    const parsed = parseExpertJobData(JSON.parse(JSON.stringify(data)));
    expect(parsed.trace).toEqual({ traceparent: TRACEPARENT });
    // Two runs of one question in two traces address the same job: a re-submitted question finds its result.
    expect(jobIdFor(parsed)).toBe(jobIdFor(toExpertJobData(request)));
    expect(requestFromJobData(parsed, policy)).not.toHaveProperty("trace");
  });

  it.each([
    ["not a traceparent", { traceparent: "the borrower is Acme" }],
    ["another field", { traceparent: TRACEPARENT, apiKey: "sk-123" }],
  ])("refuses %s in it, naming the path", (_, trace) => {
    const data = { ...toExpertJobData(request), trace };
    expect(() => parseExpertJobData(data)).toThrow(JobContractError);
    expect(() => parseExpertJobData(data)).toThrow(/trace/);
  });
});
