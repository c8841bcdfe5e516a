import { describe, expect, it } from "vitest";
import { scoreRouting } from "./routing-score.js";

describe("scoreRouting", () => {
  it("micro-averages over (line, expert) pairs", () => {
    const score = scoreRouting([
      { id: "a", question: "qa", expected: ["fx", "lending"], routed: ["fx", "lending", "markets"] }, // 2 TP, 1 FP
      { id: "b", question: "qb", expected: ["legal", "lending", "fx"], routed: ["legal"] }, // 1 TP, 2 FN
      { id: "c", question: "qc", expected: ["markets"], routed: ["markets"] }, // 1 TP
    ]);
    expect(score).toMatchObject({ lines: 3, truePositives: 4, falsePositives: 1, falseNegatives: 2 });
    expect(score.precision).toBeCloseTo(4 / 5);
    expect(score.recall).toBeCloseTo(4 / 6);
    expect(score.misses).toEqual([
      { id: "a", question: "qa", missed: [], extra: ["markets"] },
      { id: "b", question: "qb", missed: ["lending", "fx"], extra: [] },
    ]);
  });

  it("scores each expert on its own", () => {
    const score = scoreRouting([
      { id: "a", question: "", expected: ["fx"], routed: ["fx", "legal"] },
      { id: "b", question: "", expected: ["legal"], routed: [] },
    ]);
    expect(score.byExpert.fx).toEqual({ truePositives: 1, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 });
    expect(score.byExpert.legal).toEqual({ truePositives: 0, falsePositives: 1, falseNegatives: 1, precision: 0, recall: 0 });
  });

  it("counts a repeated expert once and an empty denominator as 1", () => {
    expect(scoreRouting([{ id: "a", question: "", expected: ["fx"], routed: ["fx", "fx"] }]).precision).toBe(1);
    expect(scoreRouting([])).toMatchObject({ precision: 1, recall: 1, misses: [] });
  });
});
