import { context, SpanStatusCode, trace } from "@opentelemetry/api";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";

/**
 * Wraps each request in a span (`HTTP {method} {route}`) of the `kyocho` tracer, and runs the request —
 * an assessment's run included — inside that span's context, so the council's, the models' and the
 * queue's spans are its children. Only the method, the route template and the status are recorded:
 * never a body, a query string or a header. Without an OpenTelemetry SDK registered, the API's no-op
 * tracer makes this free.
 */
export function requestSpan(): MiddlewareHandler {
  const tracer = trace.getTracer("kyocho");
  return async (c, next) => {
    const span = tracer.startSpan(`HTTP ${c.req.method}`, { attributes: { "http.request.method": c.req.method } });
    try {
      await context.with(trace.setSpan(context.active(), span), () => next());
    } finally {
      const route = routeOf(c);
      span.updateName(`HTTP ${c.req.method} ${route}`);
      span.setAttribute("http.route", route);
      span.setAttribute("http.response.status_code", c.res.status);
      if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
  };
}

/** The route template that answered (`/v1/assessments/:id`), never the concrete path with its ids. */
export function routeOf(c: Parameters<MiddlewareHandler>[0]): string {
  const path = routePath(c, -1);
  return path === "/*" || path === "*" ? "unmatched" : path;
}
