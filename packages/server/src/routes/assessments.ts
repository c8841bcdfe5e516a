import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { HttpProblem } from "../problem.js";
import { requireRole } from "../middleware/require-role.js";
import { READERS } from "../tokens/identity.js";
import {
  AcceptedSchema,
  AssessmentJsonSchema,
  AssessmentListSchema,
  AssessmentRecordSchema,
  AssessRequestSchema,
  IdParamSchema,
  ListQuerySchema,
} from "../schemas.js";
import type { RouteDeps } from "../service-deps.js";
import type { ServiceEnv } from "../service-env.js";
import { caseInput } from "./case-input.js";
import { AUTH_PROBLEMS, problemResponses } from "./problem-responses.js";

const assess = createRoute({
  method: "post",
  path: "/v1/assessments",
  operationId: "createAssessment",
  summary: "Assess a question and a case (as kyocho ask --json)",
  description:
    "Same question, case and policy give the same id: a request while it runs joins the run; one after it finished gets the stored assessment. With `Prefer: respond-async` the answer is 202 at once; poll the Location or read its events.",
  middleware: [requireRole("analyst")] as const,
  request: {
    headers: z.object({ prefer: z.string().optional().openapi({ description: "respond-async: answer 202 at once" }) }),
    body: { content: { "application/json": { schema: AssessRequestSchema } }, required: true },
  },
  responses: {
    200: {
      description: "The assessment",
      content: { "application/json": { schema: AssessmentJsonSchema } },
      headers: { Location: { schema: { type: "string" } } },
    },
    202: {
      description: "Accepted: running",
      content: { "application/json": { schema: AcceptedSchema } },
      headers: { Location: { schema: { type: "string" } } },
    },
    ...problemResponses(...AUTH_PROBLEMS, 400, 413, 422, 503),
  },
  security: [{ bearer: [] }],
});

const getOne = createRoute({
  method: "get",
  path: "/v1/assessments/{id}",
  operationId: "getAssessment",
  summary: "An assessment's record: status, sign-offs, and the assessment once finished",
  middleware: [requireRole(...READERS)] as const,
  request: { params: IdParamSchema },
  responses: {
    200: { description: "The record", content: { "application/json": { schema: AssessmentRecordSchema } } },
    ...problemResponses(...AUTH_PROBLEMS, 404),
  },
  security: [{ bearer: [] }],
});

const list = createRoute({
  method: "get",
  path: "/v1/assessments",
  operationId: "listAssessments",
  summary: "Stored assessments, newest first (records without the assessment)",
  middleware: [requireRole(...READERS)] as const,
  request: { query: ListQuerySchema },
  responses: {
    200: { description: "The records", content: { "application/json": { schema: AssessmentListSchema } } },
    ...problemResponses(...AUTH_PROBLEMS, 422),
  },
  security: [{ bearer: [] }],
});

/** POST /v1/assessments, GET /v1/assessments/{id}, GET /v1/assessments. */
export function assessmentRoutes(app: OpenAPIHono<ServiceEnv>, deps: RouteDeps): void {
  app.openapi(assess, async (c) => {
    const input = caseInput(deps.council, deps.limits, c.req.valid("json"));
    const started = await deps.runs.start({ ...input, requestedBy: c.get("identity").subject });
    const location = `/v1/assessments/${started.id}`;
    c.set("location", location);
    c.header("Location", location);
    if (/(^|[,;\s])respond-async($|[,;\s])/i.test(c.req.valid("header").prefer ?? "")) {
      const status = deps.runs.isRunning(started.id) ? "running" : ((await deps.store.get(started.id))?.status ?? "running");
      c.header("Preference-Applied", "respond-async");
      return c.json({ id: started.id, status, location }, 202);
    }
    return c.json(await started.done, 200);
  });

  app.openapi(getOne, async (c) => {
    const { id } = c.req.valid("param");
    const record = await deps.store.get(id);
    if (!record) throw new HttpProblem(404, "Not found", `no assessment ${id}`);
    const signoffs = await deps.store.signoffs(id);
    return c.json({ ...record, signoffs }, 200);
  });

  app.openapi(list, async (c) => {
    const query = c.req.valid("query");
    const records = await deps.store.list({ status: query.status, since: query.since, limit: query.limit });
    return c.json({ items: records.map(({ assessment: _assessment, caseSha256: _case, ...rest }) => rest) }, 200);
  });
}
