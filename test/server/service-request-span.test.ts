import { trace, type Span } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleCase, json, serviceFixture } from "../helpers/service-fixture.js";
import { parentOf, recordTraces, type TraceRecorder } from "../helpers/trace-recorder.js";

// The SDK registered as an application registers it (in-memory exporter, AsyncLocalStorage context), so the
// request span is seen with the council's spans under it.
let recorder: TraceRecorder;
beforeAll(() => {
  recorder = recordTraces();
});
afterAll(() => recorder.close());

describe("kyocho serve: one span per request", () => {
  it("names each request's span by method and route template, records method, route and status only, and runs the assessment inside it", async () => {
    const activeInExperts: Array<Span | undefined> = [];
    const fixture = await serviceFixture({
      executor: (inner) => ({
        kind: "watching",
        execute: (request, options) => (activeInExperts.push(trace.getActiveSpan()), inner.execute(request, options)),
      }),
    });
    try {
      const posted = await fixture.request("/v1/assessments?debug=secret-query", {
        ...json({ case: exampleCase("clean-domestic-term-loan") }),
        token: "analyst",
      });
      expect(posted.status).toBe(200);
      const { id } = (await posted.json()) as { id: string };
      expect((await fixture.request(`/v1/assessments/${id}`)).status).toBe(401);

      const spans = recorder.named("HTTP *");
      expect(spans.map((s) => s.name)).toEqual(["HTTP POST /v1/assessments", "HTTP GET /v1/assessments/:id"]);
      expect(spans[0]!.attributes).toEqual({ "http.request.method": "POST", "http.route": "/v1/assessments", "http.response.status_code": 200 });
      expect(spans[1]!.attributes).toEqual({ "http.request.method": "GET", "http.route": "/v1/assessments/:id", "http.response.status_code": 401 });
      // The assessment runs inside the POST's span: its span is the request span's child, and every span active
      // where a sub-task is executed belongs to the POST's trace.
      const [assessment] = recorder.named("kyocho.assessment");
      expect(parentOf(assessment!)).toBe(spans[0]!.spanContext().spanId);
      expect(activeInExperts.length).toBeGreaterThan(0);
      expect(activeInExperts.every((s) => s?.spanContext().traceId === spans[0]!.spanContext().traceId)).toBe(true);
    } finally {
      await fixture.close();
    }
  });
});
