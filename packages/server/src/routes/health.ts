import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { HealthSchema, ReadySchema } from "../schemas.js";
import type { RouteDeps } from "../service-deps.js";
import type { ServiceEnv } from "../service-env.js";

const healthz = createRoute({
  method: "get",
  path: "/healthz",
  operationId: "healthz",
  summary: "The process answers (no auth)",
  security: [],
  responses: { 200: { description: "Alive", content: { "application/json": { schema: HealthSchema } } } },
});

const readyz = createRoute({
  method: "get",
  path: "/readyz",
  operationId: "readyz",
  summary: "The store, Redis (with --queue) and the model endpoints answer (no auth)",
  security: [],
  responses: {
    200: { description: "Ready", content: { "application/json": { schema: ReadySchema } } },
    503: { description: "A dependency does not answer", content: { "application/json": { schema: ReadySchema } } },
  },
});

/** How long a readiness check may take before it counts as failed. */
const CHECK_TIMEOUT_MS = 5_000;

/** GET /healthz, GET /readyz. */
export function healthRoutes(app: OpenAPIHono<ServiceEnv>, deps: RouteDeps): void {
  app.openapi(healthz, (c) => c.json({ status: "ok" as const }, 200));
  app.openapi(readyz, async (c) => {
    const all = { store: () => deps.store.list({ limit: 1 }).then(() => undefined), ...deps.readiness };
    const results = await Promise.all(Object.entries(all).map(async ([name, check]) => [name, await outcome(check)] as const));
    const checks = Object.fromEntries(results);
    const ready = results.every(([, r]) => r === "ok");
    return ready ? c.json({ status: "ready" as const, checks }, 200) : c.json({ status: "not_ready" as const, checks }, 503);
  });
}

/** "ok", or the check's one-line reason (checks must not put secrets in their messages). */
async function outcome(check: () => Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return "ok";
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 200);
  } finally {
    clearTimeout(timer);
  }
}
