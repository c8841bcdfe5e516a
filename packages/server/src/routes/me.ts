import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { canSignAs } from "../tokens/identity.js";
import { MeSchema } from "../schemas.js";
import type { RouteDeps } from "../service-deps.js";
import type { ServiceEnv } from "../service-env.js";
import { problemResponses } from "./problem-responses.js";

const me = createRoute({
  method: "get",
  path: "/v1/me",
  operationId: "getMe",
  summary: "Who the token is: subject, roles, and the sign-off roles it may sign with",
  responses: {
    200: { description: "The identity", content: { "application/json": { schema: MeSchema } } },
    ...problemResponses(401, 429, 500),
  },
  security: [{ bearer: [] }],
});

/** GET /v1/me. */
export function meRoutes(app: OpenAPIHono<ServiceEnv>, deps: RouteDeps): void {
  app.openapi(me, (c) => {
    const identity = c.get("identity");
    return c.json({ subject: identity.subject, roles: [...identity.roles], canSignAs: canSignAs(identity, deps.council.policy) }, 200);
  });
}
