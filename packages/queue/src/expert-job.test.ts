import { describe, expect, it } from "vitest";
import type { ExpertRequest } from "@kyocho/core";
import { JobContractError, parseExpertJobData, parseExpertJobResult } from "./expert-job.js";
import { syntheticPolicy } from "./testing/synthetic-experts.js";

const request: ExpertRequest = {
  assessmentId: "a-1",
  task: { id: "fx", expert: "fx", question: "Hedged?", dependsOn: [], role: "required" },
  case: { borrower: { name: "Acme", country: "JP" } } as ExpertRequest["case"],
  policy: syntheticPolicy(),
  dependencies: {},
};

describe("expert job data", () => {
  it("survives the JSON round trip a queue puts it through", () => {
    expect(parseExpertJobData(JSON.parse(JSON.stringify(request)))).toEqual(request);
  });

  it("refuses data that is not an expert request, naming the path", () => {
    expect(() => parseExpertJobData({ ...request, task: { ...request.task, id: "" } })).toThrow(/task\.id/);
    expect(() => parseExpertJobData({ ...request, policy: { id: "x" } })).toThrow(JobContractError);
    expect(() => parseExpertJobData("nonsense")).toThrow(/expert request contract: \(root\)/);
  });

  it("refuses a job result that is not an expert result", () => {
    expect(() => parseExpertJobResult({ taskId: "fx", status: "ok" })).toThrow(/BAD_JOB_RESULT|expert result contract/);
  });
});
