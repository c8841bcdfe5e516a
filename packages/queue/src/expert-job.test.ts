import { describe, expect, it } from "vitest";
import { policyFingerprint, type ExpertRequest } from "@kyocho/core";
import { JobContractError, parseExpertJobData, parseExpertJobResult, requestFromJobData, toExpertJobData } from "./expert-job.js";
import { syntheticPolicy } from "./testing/synthetic-experts.js";

const policy = syntheticPolicy();
const request: ExpertRequest = {
  assessmentId: "a-1",
  task: { id: "fx", expert: "fx", question: "Hedged?", dependsOn: [], role: "required" },
  case: { borrower: { name: "Acme", country: "JP" } } as ExpertRequest["case"],
  policy,
  dependencies: {},
};

describe("expert job data", () => {
  it("names the policy by fingerprint instead of carrying it, and survives the JSON round trip a queue puts it through", () => {
    const data = toExpertJobData(request);
    expect(data.policy).toEqual(policyFingerprint(policy));
    expect(JSON.stringify(data)).not.toContain('"merge"');
    const parsed = parseExpertJobData(JSON.parse(JSON.stringify(data)));
    expect(parsed).toEqual(data);
    expect(requestFromJobData(parsed, policy)).toEqual(request);
  });

  it("refuses data that is not an expert job, naming the path", () => {
    const data = toExpertJobData(request);
    expect(() => parseExpertJobData({ ...data, task: { ...data.task, id: "" } })).toThrow(/task\.id/);
    expect(() => parseExpertJobData({ ...data, policy: { id: "x", sha256: "not-hex" } })).toThrow(/policy\.sha256/);
    expect(() => parseExpertJobData("nonsense")).toThrow(/expert job contract: \(root\)/);
  });

  it("refuses a job of an older kyocho that carries a whole policy, saying so", () => {
    const old = JSON.parse(JSON.stringify(request));
    expect(() => parseExpertJobData(old)).toThrow(JobContractError);
    expect(() => parseExpertJobData(old)).toThrow(/carries a whole policy: it was enqueued by an older kyocho/);
  });

  it("refuses a job result that is not an expert result", () => {
    expect(() => parseExpertJobResult({ taskId: "fx", status: "ok" })).toThrow(/BAD_JOB_RESULT|expert result contract/);
  });
});
