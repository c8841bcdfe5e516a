import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { ServiceEnv } from "../service-env.js";
import { requireRole } from "../middleware/require-role.js";
import type { RouteDeps } from "../service-deps.js";
import { AUTH_PROBLEMS, problemResponses } from "./problem-responses.js";

const metricsRoute = (guard: MiddlewareHandler<ServiceEnv>[]) =>
  createRoute({
    method: "get",
    path: "/metrics",
    operationId: "getMetrics",
    summary: "Prometheus metrics (role monitor or admin when a tokens file is set)",
    middleware: guard,
    responses: {
      200: { description: "Prometheus text exposition", content: { "text/plain": { schema: z.string() } } },
      ...problemResponses(...AUTH_PROBLEMS),
    },
    security: [{ bearer: [] }],
  });

/** The most records counted for the sign-offs gauge at one scrape. */
const MAX_WAITING_COUNTED = 100_000;

/** GET /metrics: the gauges that look at the store and the queues are read now, at scrape time. */
export function metricsRoutes(app: OpenAPIHono<ServiceEnv>, deps: RouteDeps): void {
  // Without a tokens file (loopback only) anyone local may scrape; with one, only monitors and admins.
  app.openapi(metricsRoute(deps.tokens ? [requireRole("monitor")] : []), async (c) => {
    const waiting = await deps.store.list({ status: "awaiting_signoff", limit: MAX_WAITING_COUNTED });
    deps.metrics.signoffsWaiting.set(waiting.length);
    if (deps.queueDepth) {
      deps.metrics.queueJobs.reset();
      for (const { expert, state, count } of await deps.queueDepth()) deps.metrics.queueJobs.set({ expert, state }, count);
    }
    const text = await deps.metrics.registry.metrics();
    return c.body(text, 200, { "content-type": deps.metrics.registry.contentType }) as never;
  });
}
