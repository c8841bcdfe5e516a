import { describe, expect, it } from "vitest";
import { UserInputError } from "../errors/kyocho-error.js";
import { parsePolicy } from "./load-policy.js";

const decisions = { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" };
const base = { id: "p", name: "P", merge: { decisions } };

function refusal(value: unknown): string {
  try {
    parsePolicy(value, "policy file p.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as Error).message;
  }
  throw new Error("expected the policy to be refused");
}

describe("policy invariants refused at load", () => {
  it("accepts the reference table, with defaults for the model cap and vetoes", () => {
    const p = parsePolicy(base);
    expect(p.modelFindings.maxSeverity).toBe("high");
    expect(p.merge.vetoes).toEqual([]);
    expect(p.merge.dataConflictSeverity).toBe("medium");
  });

  it.each([
    [{ ...decisions, critical: "approve" }, "merge.decisions.critical"],
    [{ ...decisions, critical: "approve_with_conditions" }, "merge.decisions.critical"],
    [{ ...decisions, high: "approve" }, "merge.decisions.high"],
    [{ ...decisions, medium: "approve", high: "approve_with_conditions", critical: "escalate", low: "escalate" }, "merge.decisions.medium"],
  ])("refuses a table that goes down or approves critical: %j at %s", (table, path) => {
    expect(refusal({ ...base, merge: { decisions: table } })).toContain(path);
  });

  it("accepts a stricter but still monotonic table", () => {
    expect(
      parsePolicy({ ...base, merge: { decisions: { low: "approve_with_conditions", medium: "escalate", high: "decline", critical: "decline" } } }).merge
        .decisions.high,
    ).toBe("decline");
  });

  it("refuses a model cap of critical", () => {
    expect(refusal({ ...base, modelFindings: { maxSeverity: "critical" } })).toMatch(/modelFindings\.maxSeverity: must be below critical/);
  });

  it("refuses an approving floor for incomplete assessments", () => {
    expect(refusal({ ...base, merge: { decisions, incompleteFloor: "approve" } })).toContain("merge.incompleteFloor");
  });

  it("refuses a veto that is not a rule id", () => {
    expect(refusal({ ...base, merge: { decisions, vetoes: ["sanctions please"] } })).toContain("merge.vetoes[0]");
  });
});
