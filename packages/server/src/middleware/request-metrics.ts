import type { MiddlewareHandler } from "hono";
import type { ServiceMetrics } from "../metrics/service-metrics.js";
import { routeOf } from "./request-span.js";

/** Counts each answered request by route template and status (`kyocho_http_requests_total`). */
export function requestMetrics(metrics: ServiceMetrics): MiddlewareHandler {
  return async (c, next) => {
    try {
      await next();
    } finally {
      metrics.httpRequests.inc({ route: routeOf(c), status: String(c.res.status) });
    }
  };
}
