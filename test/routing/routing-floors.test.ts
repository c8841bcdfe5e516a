import { describe, expect, it } from "vitest";
import { DEV_SET, HOLDOUT_SET, evaluateSet, readRoutingSet } from "./routing-sets.js";

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

describe("the routing dev set (examples/eval/routing.jsonl)", () => {
  const items = readRoutingSet(DEV_SET);

  it("has at least 60 lines, a third of them in Japanese, with question-only, inline-case and case-only lines", () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(items.filter((i) => JAPANESE.test(i.question)).length * 3).toBeGreaterThanOrEqual(items.length);
    expect(items.filter((i) => !i.case).length).toBeGreaterThanOrEqual(30);
    expect(items.filter((i) => i.case && i.question.trim()).length).toBeGreaterThanOrEqual(10);
    expect(items.filter((i) => i.case && !i.question.trim()).length).toBeGreaterThanOrEqual(5);
  });

  it("is routed by the embedded planner with recall ≥ 0.95 and precision ≥ 0.90 (micro-averaged over (line, expert) pairs)", async () => {
    const result = await evaluateSet(DEV_SET);
    const misses = result.misses.map((m) => `${m.id}: missed [${m.missed.join(",")}] extra [${m.extra.join(",")}]`).join("\n");
    expect(result.planners).toEqual(["embedded"]);
    expect(result.recall, misses).toBeGreaterThanOrEqual(0.95);
    expect(result.precision, misses).toBeGreaterThanOrEqual(0.9);
  });

  it("never misses legal where the policy or the case data makes it mandatory", async () => {
    const result = await evaluateSet(DEV_SET);
    const mandatory = new Set(items.filter((i) => i.case?.facility || (i.case?.counterparties?.length ?? 0) > 0).map((i) => i.id));
    expect(result.misses.filter((m) => mandatory.has(m.id) && m.missed.includes("legal"))).toEqual([]);
  });
});

describe("the held-out routing set (examples/eval/routing-holdout.jsonl)", () => {
  it("has at least 20 lines and is scored (figures reported, no floor asserted)", async () => {
    expect(readRoutingSet(HOLDOUT_SET).length).toBeGreaterThanOrEqual(20);
    const result = await evaluateSet(HOLDOUT_SET);
    expect(result.precision).toBeGreaterThan(0);
    expect(result.recall).toBeGreaterThan(0);
  });
});
