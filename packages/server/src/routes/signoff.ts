import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { HttpProblem } from "../problem.js";
import { hasRole } from "../tokens/identity.js";
import { AssessmentJsonSchema, IdParamSchema, SignoffBodySchema } from "../schemas.js";
import type { RouteDeps } from "../service-deps.js";
import type { ServiceEnv } from "../service-env.js";
import { AUTH_PROBLEMS, problemResponses } from "./problem-responses.js";

const signoff = createRoute({
  method: "post",
  path: "/v1/assessments/{id}/signoff",
  operationId: "signAssessment",
  summary: "Sign an assessment awaiting sign-off, as the token's subject",
  description:
    "The signer is the token's subject, never a body field. Needs the role approver:<role> (an admin token signs nothing). The sign-off rules (veto, four eyes, twice, more lenient without a reason…) refuse with 409 and the rule in `detail`.",
  request: {
    params: IdParamSchema,
    body: { content: { "application/json": { schema: SignoffBodySchema } }, required: true },
  },
  responses: {
    200: { description: "The assessment after the signature", content: { "application/json": { schema: AssessmentJsonSchema } } },
    ...problemResponses(...AUTH_PROBLEMS, 400, 404, 409, 413, 422),
  },
  security: [{ bearer: [] }],
});

/** POST /v1/assessments/{id}/signoff. */
export function signoffRoutes(app: OpenAPIHono<ServiceEnv>, deps: RouteDeps): void {
  app.openapi(signoff, async (c) => {
    const identity = c.get("identity");
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    if (!identity.authenticated || !deps.sign)
      throw new HttpProblem(403, "Forbidden", "a signature needs an identity from a token: start the service with a tokens file (KYOCHO_TOKENS_FILE)");
    if (!hasRole(identity, `approver:${body.role}`)) throw new HttpProblem(403, "Forbidden", `needs the role approver:${body.role}`);
    if (!(await deps.store.get(id))) throw new HttpProblem(404, "Not found", `no assessment ${id}`);
    const assessment = await deps.sign(id, {
      name: identity.subject,
      role: body.role,
      decision: body.decision,
      conditions: body.conditions ?? [],
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
      at: deps.now().toISOString(),
    });
    // Later subscribers read the events from the store, signature included.
    deps.runs.forget(id);
    return c.json(assessment, 200);
  });
}
