import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { requireRole } from "../middleware/require-role.js";
import { READERS } from "../tokens/identity.js";
import { ExpertsSchema, JsonObjectSchema, PlanRequestSchema } from "../schemas.js";
import type { RouteDeps } from "../service-deps.js";
import type { ServiceEnv } from "../service-env.js";
import { caseInput } from "./case-input.js";
import { AUTH_PROBLEMS, problemResponses } from "./problem-responses.js";

const plan = createRoute({
  method: "post",
  path: "/v1/plan",
  operationId: "planAssessment",
  summary: "The plan the council would run for a question and case (as kyocho plan --json)",
  middleware: [requireRole("analyst")] as const,
  request: { body: { content: { "application/json": { schema: PlanRequestSchema } }, required: true } },
  responses: {
    200: { description: "The plan", content: { "application/json": { schema: JsonObjectSchema } } },
    ...problemResponses(...AUTH_PROBLEMS, 400, 413, 422),
  },
  security: [{ bearer: [] }],
});

const experts = createRoute({
  method: "get",
  path: "/v1/experts",
  operationId: "listExperts",
  summary: "The council's experts",
  middleware: [requireRole(...READERS)] as const,
  responses: { 200: { description: "The experts", content: { "application/json": { schema: ExpertsSchema } } }, ...problemResponses(...AUTH_PROBLEMS) },
  security: [{ bearer: [] }],
});

const caseSchema = createRoute({
  method: "get",
  path: "/v1/schema/case",
  operationId: "getCaseSchema",
  summary: "The JSON Schema of a case for this council",
  middleware: [requireRole(...READERS)] as const,
  responses: { 200: { description: "JSON Schema", content: { "application/json": { schema: JsonObjectSchema } } }, ...problemResponses(...AUTH_PROBLEMS) },
  security: [{ bearer: [] }],
});

/** POST /v1/plan, GET /v1/experts, GET /v1/schema/case. */
export function councilInfoRoutes(app: OpenAPIHono<ServiceEnv>, deps: RouteDeps): void {
  app.openapi(plan, async (c) => {
    const input = caseInput(deps.council, deps.limits, c.req.valid("json"));
    const p = await deps.council.plan(input);
    return c.json(JSON.parse(JSON.stringify(p)) as Record<string, unknown>, 200);
  });
  app.openapi(experts, (c) =>
    c.json({ experts: deps.council.experts.map((e) => ({ name: e.name, description: e.description, keywords: [...e.keywords] })) }, 200),
  );
  app.openapi(caseSchema, (c) => c.json(deps.council.caseJsonSchema(), 200));
}
