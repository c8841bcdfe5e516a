import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { jobIdFor, parseJobId } from "./job-id.js";

describe("jobIdFor", () => {
  it("joins assessment and task ids with @, leaving plain ids readable", () => {
    expect(jobIdFor("a-3f9c0e", "lending")).toBe("a-3f9c0e@lending");
    expect(jobIdFor("a-1", "fx-2")).toBe("a-1@fx-2");
  });

  it("never contains ':' and never reads as an integer (BullMQ refuses both)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, t) => {
        const id = jobIdFor(a, t);
        expect(id).not.toContain(":");
        expect(`${parseInt(id, 10)}`).not.toBe(id);
      }),
    );
  });

  it("is one-to-one: different (assessment, task) pairs never share an id, and the id reads back", () => {
    expect(jobIdFor("a@b", "c")).not.toBe(jobIdFor("a", "b@c"));
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, t) => {
        expect(parseJobId(jobIdFor(a, t))).toEqual({ assessmentId: a, taskId: t });
      }),
    );
  });

  it("parseJobId refuses ids it did not make", () => {
    expect(parseJobId("42")).toBeUndefined();
    expect(parseJobId("a@b@c")).toBeUndefined();
    expect(parseJobId("@x")).toBeUndefined();
  });
});
