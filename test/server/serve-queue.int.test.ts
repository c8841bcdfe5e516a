import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisConnection } from "@kyocho/queue";
import { deleteKeys, uniquePrefix } from "@kyocho/queue/testing";
import { startKyocho, stopKyocho, type KyochoProcess } from "../queue/helpers/kyocho-process.js";
import { exampleCase } from "../helpers/service-fixture.js";

// Tier: *.int.test.ts — the shared Redis, a spawned `kyocho serve --queue` and, later, a `kyocho worker`.
const prefix = uniquePrefix("serve");
const connection = createRedisConnection(process.env.REDIS_URL);
const dir = mkdtempSync(join(tmpdir(), "kyocho-serve-queue-"));
const started: KyochoProcess[] = [];

afterAll(async () => {
  for (const p of started) await stopKyocho(p);
  await deleteKeys(connection, prefix);
  await connection.quit();
  rmSync(dir, { recursive: true, force: true });
});

/** The `kyocho_queue_jobs` samples of a scrape, as `expert/state` → count. */
async function queueJobs(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const family = parsePrometheusTextFormat(text).find((f) => f.name === "kyocho_queue_jobs");
  return new Map((family?.metrics ?? []).map((m) => [`${m.labels!.expert}/${m.labels!.state}`, Number(m.value)]));
}

describe("kyocho serve --queue", () => {
  it("sends the sub-tasks through the expert queues: /readyz checks Redis, /metrics shows the jobs waiting, a worker finishes the assessment", async () => {
    const env = { KYOCHO_PREFIX: prefix, KYOCHO_STORE: join(dir, "kyocho.db") };
    const serve = startKyocho(["serve", "--port", "0", "--queue"], env);
    started.push(serve);
    await serve.waitForStderr(/serving on/);
    const url = serve.stdout().trim();
    const ready = (await (await fetch(`${url}/readyz`)).json()) as { checks: Record<string, string> };
    expect(ready.checks).toEqual({ store: "ok", redis: "ok" });

    const accepted = await fetch(`${url}/v1/assessments`, {
      method: "POST",
      headers: { "content-type": "application/json", prefer: "respond-async" },
      body: JSON.stringify({ case: exampleCase("acquisition-finance") }),
    });
    expect(accepted.status).toBe(202);
    const { location } = (await accepted.json()) as { location: string };
    // No worker yet: the sub-tasks the case requires wait on their experts' queues.
    let jobs = new Map<string, number>();
    for (let i = 0; i < 200 && [...jobs.values()].every((n) => n === 0); i++) {
      jobs = await queueJobs(url);
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(jobs.get("legal/waiting")).toBe(1);
    expect(jobs.get("markets/waiting")).toBe(0);

    const worker = startKyocho(["worker"], { KYOCHO_PREFIX: prefix });
    started.push(worker);
    let status = "running";
    for (let i = 0; i < 400 && status === "running"; i++) {
      status = ((await (await fetch(`${url}${location}`)).json()) as { status: string }).status;
      if (status === "running") await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe("awaiting_signoff");
    const after = await queueJobs(url);
    expect([...after.entries()].filter(([k, n]) => k.endsWith("/waiting") && n > 0)).toEqual([]);
  }, 40_000);
});
