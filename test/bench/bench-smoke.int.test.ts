import { existsSync } from "node:fs";
import { createRedisConnection } from "@kyocho/queue";
import { afterAll, describe, expect, it } from "vitest";
import { runBench } from "../../bench/bench.js";
import { renderTable } from "../../bench/lib/table.js";
import { SECTIONS, SMOKE_SETTINGS } from "../../bench/settings.js";

// Tier: *.int.test.ts — the benchmark harness end to end, at a size that takes seconds (Redis, the
// test model endpoint, `kyocho` processes from the build). It checks that every section still produces
// its figures, never how good they are: that is `npm run bench`'s job.

const connection = createRedisConnection(process.env.REDIS_URL);
afterAll(() => connection.disconnect());

/** Every number anywhere in a figures object, with its path. */
function numbersIn(value: unknown, path = ""): Array<[string, number]> {
  if (typeof value === "number") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => numbersIn(v, path ? `${path}.${k}` : k));
  return [];
}

describe("npm run bench, smoke-sized", () => {
  it("runs every section and gives every figure a number", async () => {
    const results = await runBench(SMOKE_SETTINGS, { connection, redisUrl: process.env.REDIS_URL, log: () => {} });

    expect(Object.keys(results.sections).sort()).toEqual([...SECTIONS].sort());
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    const numbers = numbersIn(results.sections);
    expect(numbers.length).toBeGreaterThan(50);
    // Memory figures come from /proc; without it (macOS) they are NaN, and shown as n/a, by design.
    const noProc = !existsSync("/proc/self/status");
    expect(numbers.filter(([path, n]) => !Number.isFinite(n) && !(noProc && path.startsWith("memory.")))).toEqual([]);

    const sectionsInTable = new Set(results.rows.map((r) => r.section));
    expect(sectionsInTable.size).toBe(SECTIONS.length);
    expect(results.rows.filter((r) => r.value.length === 0 || (r.value.includes("n/a") && !(noProc && r.section === "5 memory")))).toEqual([]);
    expect(renderTable(results.rows).split("\n").length).toBeGreaterThan(results.rows.length);
  }, 180_000);
});
