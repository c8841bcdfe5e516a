import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterEach, describe, expect, it } from "vitest";
import { exampleCase, json, serviceFixture, type ServiceFixture } from "../helpers/service-fixture.js";

let fixture: ServiceFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/**
 * The metric families of a scrape, by name. parse-prometheus-text-format folds a histogram's series into
 * one unlabeled sample, so histograms are read a second time as untyped families (their TYPE line
 * dropped): `<name>_count` and `<name>_sum` then come back as families of their own, labels kept.
 */
function parseScrape(text: string) {
  const typed = new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
  const untyped = parsePrometheusTextFormat(text.replace(/^# TYPE \S+ histogram$/gm, ""));
  // Series of one histogram interleave (buckets, sum, count per label set): a name comes back once per label set.
  for (const f of untyped) {
    const known = typed.get(f.name);
    if (!known) typed.set(f.name, { ...f, metrics: [...f.metrics] });
    else if (known.type === "UNTYPED") known.metrics.push(...f.metrics);
  }
  return typed;
}

const CASES = ["acquisition-finance", "clean-domestic-term-loan", "sanctions-declined", "fx-hedging-program"];

describe("kyocho serve: /metrics", () => {
  it("counts assessments by decision, expert durations, sign-offs waiting and requests, in Prometheus text a parser reads", async () => {
    fixture = await serviceFixture();
    const results: Array<{ decision: string; rating: string; experts: unknown[]; signoff?: { status: string } }> = [];
    for (const name of CASES) {
      const r = await fixture.request("/v1/assessments", { ...json({ case: exampleCase(name) }), token: "analyst" });
      expect(r.status).toBe(200);
      results.push((await r.json()) as (typeof results)[number]);
    }
    // The same case again: the stored assessment, not a second run, so not a second count.
    expect((await fixture.request("/v1/assessments", { ...json({ case: exampleCase(CASES[0]!) }), token: "analyst" })).status).toBe(200);
    expect((await fixture.request("/v1/me")).status).toBe(401);

    const scrape = await fixture.request("/metrics", { token: "monitor" });
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = parseScrape(await scrape.text());

    const assessed = families.get("kyocho_assessments_total")!;
    expect(assessed.type).toBe("COUNTER");
    const expected = new Map<string, number>();
    for (const a of results) expected.set(`${a.decision}/${a.rating}`, (expected.get(`${a.decision}/${a.rating}`) ?? 0) + 1);
    expect(new Map(assessed.metrics.map((m) => [`${m.labels!.decision}/${m.labels!.rating}`, Number(m.value)]))).toEqual(expected);

    const experts = families.get("kyocho_expert_duration_seconds")!;
    expect(experts.type).toBe("HISTOGRAM");
    const observed = families.get("kyocho_expert_duration_seconds_count")!.metrics.reduce((n, m) => n + Number(m.value), 0);
    expect(observed).toBe(results.reduce((n, a) => n + a.experts.filter((e) => (e as { latencyMs?: number }).latencyMs !== undefined).length, 0));

    const waiting = families.get("kyocho_signoffs_waiting")!;
    expect(Number(waiting.metrics[0]!.value)).toBe(results.filter((a) => a.signoff?.status === "awaiting_signoff").length);
    expect(Number(waiting.metrics[0]!.value)).toBeGreaterThan(0);

    const requests = families.get("kyocho_http_requests_total")!;
    const count = (route: string, status: string) => Number(requests.metrics.find((m) => m.labels!.route === route && m.labels!.status === status)?.value ?? 0);
    expect(count("/v1/assessments", "200")).toBe(CASES.length + 1);
    expect(count("/v1/me", "401")).toBe(1);
    // Route templates, never concrete paths with ids.
    expect(requests.metrics.every((m) => !/a-[0-9a-f]{20}/.test(m.labels!.route!))).toBe(true);
  });

  it("times every model call from the audit entries and still passes each entry on to the configured audit log", async () => {
    const { ServiceMetrics } = await import("@kyocho/server");
    const metrics = new ServiceMetrics();
    const written: unknown[] = [];
    const sink = metrics.auditSink({ write: (e) => written.push(e) });
    const call = {
      kind: "model_call",
      time: "t",
      caller: "fx",
      purpose: "answer",
      attempt: 1,
      endpoint: "http://10.0.0.1/v1",
      model: "q",
      reasoning: false,
      responseFormat: "json_schema",
      promptSha256: "x",
    } as const;
    sink.write({ ...call, latencyMs: 1500, outcome: "ok" });
    sink.write({ ...call, latencyMs: 30_000, outcome: "timeout" });
    expect(written).toHaveLength(2);
    const families = parseScrape(await metrics.registry.metrics());
    expect(families.get("kyocho_model_call_duration_seconds")!.type).toBe("HISTOGRAM");
    const sums = families.get("kyocho_model_call_duration_seconds_sum")!.metrics;
    expect(sums.map((m) => [m.labels!.caller, m.labels!.model, m.labels!.outcome, Number(m.value)])).toEqual([
      ["fx", "q", "ok", 1.5],
      ["fx", "q", "timeout", 30],
    ]);
  });
});
