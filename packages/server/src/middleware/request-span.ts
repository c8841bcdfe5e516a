import { context, SpanStatusCode, trace } from "@opentelemetry/api";
import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";

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

/**
 * The route template of the request (`/v1/assessments/:id`), never the concrete path with its ids: the
 * first handler (not middleware, which Hono registers for every method) the path matched, even when
 * middleware answered first (a 401); `static` for the analyst page's files and unknown paths.
 */
export function routeOf(c: Parameters<MiddlewareHandler>[0]): string {
  const handler = matchedRoutes(c).find((r) => r.method !== "ALL");
  return !handler || handler.path === "/*" ? "static" : handler.path;
}
