import { describe, expect, it } from "vitest";
import { parsePolicy, type Assessment, type Case } from "@kyocho/core";
import type { Council } from "@kyocho/council";
import { runWhatIf, type ChangedCaseWithAssessments, type WhatIfInput } from "./run-whatif.js";
import { orderedMap } from "./ordered-map.js";

const DECISIONS = { low: "approve", medium: "approve_with_conditions", high: "escalate", critical: "decline" } as const;
const basePolicy = parsePolicy({ id: "in-force", name: "In force", merge: { decisions: DECISIONS } });
const candidatePolicy = parsePolicy({
  id: "candidate",
  name: "Candidate",
  merge: { decisions: DECISIONS },
  experts: { lending: { rules: { "LEN-LEV": { tiers: [{ above: 2, severity: "medium" }] } } } },
});

/** A council stand-in: every case is approved, except that the candidate flags every third one (LEN-LEV 2.5). */
function council(policy: typeof basePolicy, flags: (n: number) => boolean, inFlight: { now: number; max: number }): Council {
  return {
    policy,
    assess: async ({ case: c }: { case?: Case }) => {
      inFlight.now++;
      inFlight.max = Math.max(inFlight.max, inFlight.now);
      await new Promise((r) => setImmediate(r));
      inFlight.now--;
      const n = Number(c!.id);
      const flagged = flags(n);
      return {
        id: `${policy.id}-${n}`,
        decision: flagged ? "approve_with_conditions" : "approve",
        rating: flagged ? "medium" : "low",
        incomplete: false,
        findings: flagged
          ? [
              {
                ruleId: "LEN-LEV",
                expert: "lending",
                domain: "lending",
                severity: "medium",
                title: "",
                message: "",
                metrics: { leverage: 2.5 },
                citations: [],
                source: "rule",
              },
            ]
          : [],
      } as unknown as Assessment;
    },
  } as unknown as Council;
}

const N = 6000;
const caseOf = (n: number) =>
  ({ id: String(n), bank: { baseCurrency: "JPY", homeCountry: "JP" }, facility: { amount: 100, currency: "JPY" } }) as unknown as Case;

describe("runWhatIf streams: constant-size counts, a capped changed list, nothing read ahead beyond the cases in flight", () => {
  it("folds many cases into the matrix, rule counts and exposure; keeps only maxChangedKept changed cases and streams them all", async () => {
    let pulled = 0;
    let readAhead = 0;
    async function* cases(): AsyncGenerator<WhatIfInput> {
      for (let n = 0; n < N; n++) {
        pulled++;
        yield n === 7 ? { id: n, error: { code: "BAD_LINE", message: "line 8: invalid JSON" } } : { id: n, question: "", case: caseOf(n) };
      }
    }
    const inFlight = { now: 0, max: 0 };
    const streamed: ChangedCaseWithAssessments[] = [];
    const summary = await runWhatIf({
      councilBase: council(basePolicy, () => false, inFlight),
      councilCandidate: council(candidatePolicy, (n) => n % 3 === 0, inFlight),
      cases: cases(),
      concurrency: 4,
      maxChangedKept: 10,
      onChanged: (c) => void streamed.push(c),
      onProgress: (done) => (readAhead = Math.max(readAhead, pulled - done)),
    });
    // 0, 3, …, 5997: 2000 flagged cases, all of them assessed (line 7 is not a multiple of 3).
    expect(summary.cases).toBe(N - 1);
    expect(summary.errors).toBe(1);
    expect(summary.errorSamples).toEqual([{ id: 7, message: "line 8: invalid JSON" }]);
    expect(summary.decisions.approve.approve_with_conditions).toBe(2000);
    expect(summary.decisions.approve.approve).toBe(N - 1 - 2000);
    expect(summary.rules["LEN-LEV"]).toEqual({ before: 0, after: 2000 });
    expect(summary.exposure.JPY!.after.approve_with_conditions).toBe(2000 * 100);
    expect(summary.changedTotal).toBe(2000);
    expect(summary.changed.map((c) => c.id)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
    expect(summary.changedOmitted).toBe(1990);
    expect(summary.changed[0]!.findingChanges[0]!.because).toBe("LEN-LEV 2.5 now above 2 → medium");
    // Every changed case reaches onChanged with both assessments, in input order, kept or not.
    expect(streamed).toHaveLength(2000);
    expect(streamed.at(-1)!.change.id).toBe(5997);
    expect(streamed.at(-1)!.after.id).toBe("candidate-5997");
    // Memory: at most the window (4) of cases in flight at once, and the source read no further ahead than that.
    expect(inFlight.max).toBeLessThanOrEqual(4);
    expect(readAhead).toBeLessThanOrEqual(4);
  });

  it("orderedMap yields in source order however the calls finish, and never pulls more than the window ahead", async () => {
    let pulled = 0;
    async function* source() {
      for (let n = 0; n < 50; n++) {
        pulled++;
        yield n;
      }
    }
    const out: number[] = [];
    let maxAhead = 0;
    for await (const r of orderedMap(source(), 5, async (n) => {
      // Later items finish first: the order must still be the source's.
      await new Promise((r) => setTimeout(r, (50 - n) % 7));
      return n * 2;
    })) {
      out.push(r);
      maxAhead = Math.max(maxAhead, pulled - out.length);
    }
    expect(out).toEqual(Array.from({ length: 50 }, (_, n) => n * 2));
    expect(maxAhead).toBeLessThanOrEqual(5);
  });
});
