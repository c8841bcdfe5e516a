import { describe, expect, it } from "vitest";
import { missingClauses } from "./missing-clauses.js";

const required = ["cross_default", "change_of_control"] as const;

describe("missingClauses", () => {
  it("is empty when every required clause is present", () => {
    expect(missingClauses(["change_of_control", "mac", "cross_default"], required)).toEqual([]);
  });
  it("names the one that is missing", () => {
    expect(missingClauses(["cross_default"], required)).toEqual(["change_of_control"]);
    expect(missingClauses(["change_of_control"], required)).toEqual(["cross_default"]);
  });
  it("names both, in policy order, when both are missing", () => {
    expect(missingClauses(["sanctions"], required)).toEqual(["cross_default", "change_of_control"]);
  });
  it("treats a missing clause list as empty", () => {
    expect(missingClauses(undefined, required)).toEqual(["cross_default", "change_of_control"]);
    expect(missingClauses([], ["sanctions"])).toEqual(["sanctions"]);
  });
  it("reports a clause listed twice in the policy once", () => {
    expect(missingClauses([], ["sanctions", "sanctions"])).toEqual(["sanctions"]);
  });
});
