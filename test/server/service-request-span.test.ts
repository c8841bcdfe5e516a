import { AsyncLocalStorage } from "node:async_hooks";
import {
  context,
  trace,
  ROOT_CONTEXT,
  type Context,
  type ContextManager,
  type Span,
  type SpanContext,
  type Tracer,
  type TracerProvider,
} from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleCase, json, serviceFixture } from "../helpers/service-fixture.js";

/** A span that records what the service sets on it. */
class RecordedSpan implements Span {
  attributes: Record<string, unknown> = {};
  ended = false;
  constructor(public name: string) {}
  spanContext(): SpanContext {
    return { traceId: "0".repeat(31) + "1", spanId: "0".repeat(15) + "1", traceFlags: 1 };
  }
  setAttribute(key: string, value: unknown) {
    this.attributes[key] = value;
    return this;
  }
  setAttributes(attributes: Record<string, unknown>) {
    Object.assign(this.attributes, attributes);
    return this;
  }
  addEvent() {
    return this;
  }
  addLink() {
    return this;
  }
  addLinks() {
    return this;
  }
  setStatus() {
    return this;
  }
  updateName(name: string) {
    this.name = name;
    return this;
  }
  end() {
    this.ended = true;
  }
  isRecording() {
    return true;
  }
  recordException() {}
}

const spans: RecordedSpan[] = [];
const tracer: Tracer = {
  startSpan: (name, options) => {
    const span = new RecordedSpan(name);
    span.setAttributes(options?.attributes ?? {});
    spans.push(span);
    return span;
  },
  startActiveSpan: (() => {
    throw new Error("the service starts its spans with startSpan");
  }),
};
const provider: TracerProvider = { getTracer: () => tracer };

/** The context manager an SDK registers (AsyncLocalStorage), so context.with reaches the council's async work. */
class StorageContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();
  active() {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(ctx: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    return this.storage.run(ctx, () => fn.call(thisArg, ...args));
  }
  bind<T>(_ctx: Context, target: T): T {
    return target;
  }
  enable() {
    return this;
  }
  disable() {
    this.storage.disable();
    return this;
  }
}

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new StorageContextManager());
});
afterAll(() => {
  trace.disable();
  context.disable();
});

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

      expect(spans.map((s) => s.name)).toEqual(["HTTP POST /v1/assessments", "HTTP GET /v1/assessments/:id"]);
      expect(spans[0]!.attributes).toEqual({ "http.request.method": "POST", "http.route": "/v1/assessments", "http.response.status_code": 200 });
      expect(spans[1]!.attributes).toEqual({ "http.request.method": "GET", "http.route": "/v1/assessments/:id", "http.response.status_code": 401 });
      expect(spans.every((s) => s.ended)).toBe(true);
      expect(activeInExperts.length).toBeGreaterThan(0);
      expect(activeInExperts.every((s) => s === spans[0])).toBe(true);
    } finally {
      await fixture.close();
    }
  });
});
