import { describe, expect, it } from "vitest";
import { scoreCases, type CaseOutcome } from "./case-score.js";
import type { ExpectedResult } from "./expected-result.js";

const expected = (over: Partial<ExpectedResult> = {}): ExpectedResult => ({
  rating: "high",
  decision: "escalate",
  incomplete: false,
  findings: [
    { ruleId: "LEN-LEV", expert: "lending", severity: "high" },
    { ruleId: "LEG-KYC", expert: "legal", severity: "high" },
  ],
  experts: { lending: "ok", legal: "ok" },
  metrics: {},
  ...over,
});

const outcome = (name: string, e: ExpectedResult, actual: CaseOutcome["actual"], latencyMs = 10): CaseOutcome => ({
  name,
  expected: e,
  latencyMs,
  ...(actual ? { actual } : { error: "boom" }),
});

describe("scoreCases", () => {
  it("scores a perfect run as 1 everywhere, with no mismatches", () => {
    const e = expected();
    const score = scoreCases([outcome("a", e, { rating: "high", decision: "escalate", incomplete: false, findings: e.findings })]);
    expect(score).toMatchObject({ cases: 1, decisionAccuracy: 1, ratingAccuracy: 1, correctIncomplete: 1, mismatches: [] });
    expect(score.findings).toEqual({ truePositives: 2, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 });
    expect(score.byRule.map((r) => r.ruleId)).toEqual(["LEG-KYC", "LEN-LEV"]);
  });

  it("counts the right rule at the wrong severity as one false positive and one false negative", () => {
    const e = expected();
    const score = scoreCases([
      outcome("a", e, {
        rating: "high",
        decision: "escalate",
        incomplete: false,
        findings: [
          { ruleId: "LEN-LEV", expert: "lending", severity: "medium" },
          { ruleId: "LEG-KYC", expert: "legal", severity: "high" },
        ],
      }),
    ]);
    expect(score.byRule.find((r) => r.ruleId === "LEN-LEV")).toEqual({
      ruleId: "LEN-LEV",
      truePositives: 0,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0,
      recall: 0,
    });
    expect(score.findings).toMatchObject({ precision: 0.5, recall: 0.5 });
    expect(score.mismatches).toEqual([{ name: "a", missed: ["LEN-LEV lending high"], extra: ["LEN-LEV lending medium"] }]);
  });

  it("gives null precision to a rule never reported and null recall to one never expected", () => {
    const e = expected({ findings: [{ ruleId: "FX-HEDGE", expert: "fx", severity: "high" }] });
    const score = scoreCases([
      outcome("a", e, { rating: "high", decision: "escalate", incomplete: false, findings: [{ ruleId: "FX-MODEL-1", expert: "fx", severity: "high" }] }),
    ]);
    expect(score.byRule).toEqual([
      { ruleId: "FX-HEDGE", truePositives: 0, falsePositives: 0, falseNegatives: 1, precision: null, recall: 0 },
      { ruleId: "FX-MODEL-1", truePositives: 0, falsePositives: 1, falseNegatives: 0, precision: 0, recall: null },
    ]);
  });

  it("measures decision and rating accuracy over cases, and a run that threw gets neither", () => {
    const e = expected({ findings: [] });
    const score = scoreCases([
      outcome("right", e, { rating: "high", decision: "escalate", incomplete: false, findings: [] }, 10),
      outcome("wrong-decision", e, { rating: "high", decision: "decline", incomplete: false, findings: [] }, 20),
      outcome("wrong-rating", e, { rating: "critical", decision: "escalate", incomplete: true, findings: [] }, 30),
      outcome("threw", e, undefined, 40),
    ]);
    expect(score.correctDecisions).toBe(2);
    expect(score.decisionAccuracy).toBe(0.5);
    expect(score.ratingAccuracy).toBe(0.5);
    expect(score.correctIncomplete).toBe(2);
    expect(score.latency).toMatchObject({ meanMs: 25, p95Ms: 40 });
    expect(score.mismatches).toEqual([
      { name: "wrong-decision", decision: { expected: "escalate", actual: "decline" }, missed: [], extra: [] },
      { name: "wrong-rating", rating: { expected: "high", actual: "critical" }, incomplete: { expected: false, actual: true }, missed: [], extra: [] },
      { name: "threw", missed: [], extra: [], error: "boom" },
    ]);
  });

  it("matches findings as a multiset", () => {
    const lev = { ruleId: "LEN-LEV", expert: "lending", severity: "high" } as const;
    const e = expected({ findings: [lev] });
    const score = scoreCases([outcome("a", e, { rating: "high", decision: "escalate", incomplete: false, findings: [lev, lev] })]);
    expect(score.findings).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 0 });
  });
});
