import { describe, expect, it } from "vitest";
import { parsePolicy, type Assessment, type Finding } from "@kyocho/core";
import { compareAssessments } from "./case-comparison.js";

const policy = parsePolicy({
  id: "p",
  name: "P",
  merge: { decisions: { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } },
  experts: {
    lending: {
      rules: {
        "LEN-LEV": {
          tiers: [
            { above: 6, severity: "high" },
            { above: 2, severity: "medium" },
          ],
        },
      },
    },
  },
});
const f = (ruleId: string, severity: Finding["severity"], metrics: Record<string, number> = {}, source: "rule" | "model" = "rule") =>
  ({ ruleId, expert: "lending", domain: "lending", severity, title: "", message: "", metrics, citations: [], source }) as Finding;
const assessment = (findings: Finding[], decision: Assessment["decision"], rating: Assessment["rating"]) =>
  ({ id: "a", decision, rating, incomplete: false, findings }) as unknown as Assessment;

describe("compareAssessments", () => {
  it("compares each rule's most severe rule finding, counts a rule once per case, and leaves model findings out", () => {
    const before = assessment([f("LEN-LEV", "medium", { leverage: 5 }), f("LEN-LEV", "low", { leverage: 1 }), f("LEN-DSCR", "high")], "escalate", "high");
    const after = assessment(
      [f("LEN-LEV", "medium", { leverage: 1 }), f("LEN-LEV", "high", { leverage: 7 }), f("LEN-DSCR", "high"), f("MODEL-X", "high", {}, "model")],
      "escalate",
      "high",
    );
    const c = compareAssessments("x", undefined, before, after, policy);
    expect(c.firedBefore).toEqual(["LEN-LEV", "LEN-DSCR"]);
    expect(c.firedAfter).toEqual(["LEN-LEV", "LEN-DSCR"]);
    expect(c.findingChanges).toEqual([{ ruleId: "LEN-LEV", kind: "severity", from: "medium", to: "high", because: "LEN-LEV 7 now above 6 → high" }]);
  });

  it("says which threshold a finding that disappeared no longer meets", () => {
    const c = compareAssessments(
      "x",
      undefined,
      assessment([f("LEN-LEV", "medium", { leverage: 1.5 })], "approve_with_conditions", "medium"),
      assessment([], "approve", "low"),
      policy,
    );
    expect(c.findingChanges).toEqual([{ ruleId: "LEN-LEV", kind: "disappeared", from: "medium", because: "LEN-LEV 1.5 no longer above 2" }]);
  });
});
