import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { ExpertResult } from "@kyocho/core";
import { toExpertJobData, type ExpertJobData } from "./expert-job.js";
import { jobIdFor, parseJobId } from "./job-id.js";
import { syntheticPolicy } from "./testing/synthetic-experts.js";

const fxResult: ExpertResult = {
  taskId: "fx",
  expert: "fx",
  domain: "fx",
  role: "required",
  status: "ok",
  findings: [],
  metrics: { hedgeRatio: 0.6 },
  citations: [],
  notes: [],
  latencyMs: 1.25,
  modelUse: { model: "m", host: "10.0.0.1:8000", reasoning: false, outcome: "accepted", findingsAdded: 0, calls: 1, latencyMs: 640 },
};
const data: ExpertJobData = toExpertJobData({
  assessmentId: "a-3f9c0e",
  task: { id: "lending", expert: "lending", question: "Can we lend USD 80m?", dependsOn: ["fx"], role: "required" },
  case: undefined,
  policy: syntheticPolicy(),
  dependencies: { fx: fxResult },
});
const HEX = /^[0-9a-f]{32}$/;

describe("jobIdFor", () => {
  it("reads as assessment id, task id and the request's digest", () => {
    const [assessment, task, digest] = jobIdFor(data).split("@");
    expect([assessment, task]).toEqual(["a-3f9c0e", "lending"]);
    expect(digest).toMatch(HEX);
  });

  it("is the same for the same request, whatever the timings of its dependencies or a speculative start", () => {
    const again: ExpertJobData = {
      ...data,
      task: { ...data.task, speculative: true },
      dependencies: { fx: { ...fxResult, latencyMs: 99, modelUse: { ...fxResult.modelUse!, latencyMs: 2_000 } } },
    };
    expect(jobIdFor(again)).toBe(jobIdFor(data));
    expect(jobIdFor(JSON.parse(JSON.stringify(data)))).toBe(jobIdFor(data));
  });

  it("differs for a reused assessment id with another question, case, policy or dependency result", () => {
    const id = jobIdFor(data);
    expect(jobIdFor({ ...data, task: { ...data.task, question: "Can we lend USD 90m?" } })).not.toBe(id);
    expect(jobIdFor({ ...data, case: { bank: { baseCurrency: "JPY", homeCountry: "JP" } } })).not.toBe(id);
    expect(jobIdFor({ ...data, policy: { ...data.policy, sha256: "0".repeat(64) } })).not.toBe(id);
    expect(jobIdFor({ ...data, dependencies: { fx: { ...fxResult, metrics: { hedgeRatio: 0.5 } } } })).not.toBe(id);
  });

  it("never contains ':' and never reads as an integer (BullMQ refuses both), and reads back", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, t) => {
        const id = jobIdFor({ ...data, assessmentId: a, task: { ...data.task, id: t } });
        expect(id).not.toContain(":");
        expect(`${parseInt(id, 10)}`).not.toBe(id);
        expect(parseJobId(id)).toMatchObject({ assessmentId: a, taskId: t, digest: expect.stringMatching(HEX) });
      }),
    );
  });

  it("parseJobId refuses ids it did not make, an older kyocho's `<assessment>@<task>` included", () => {
    expect(parseJobId("42")).toBeUndefined();
    expect(parseJobId("a-3f9c0e@lending")).toBeUndefined();
    expect(parseJobId("a@b@c@d")).toBeUndefined();
    expect(parseJobId("@x@0abc")).toBeUndefined();
  });
});
