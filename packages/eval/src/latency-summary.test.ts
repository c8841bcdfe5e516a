import { describe, expect, it } from "vitest";
import { summariseLatency } from "./latency-summary.js";

describe("summariseLatency", () => {
  it("gives the mean and nearest-rank percentiles", () => {
    expect(summariseLatency([10, 20, 30, 40])).toEqual({ count: 4, meanMs: 25, p50Ms: 20, p95Ms: 40, maxMs: 40 });
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
    expect(summariseLatency(hundred)).toMatchObject({ p50Ms: 50, p95Ms: 95, maxMs: 100, meanMs: 50.5 });
  });

  it("is all zeros for no values, and the value itself for one", () => {
    expect(summariseLatency([])).toEqual({ count: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, maxMs: 0 });
    expect(summariseLatency([7.123])).toEqual({ count: 1, meanMs: 7.12, p50Ms: 7.12, p95Ms: 7.12, maxMs: 7.12 });
  });
});
