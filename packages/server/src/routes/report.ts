import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { renderHtml } from "@kyocho/report";
import { HttpProblem } from "../problem.js";
import { requireRole } from "../middleware/require-role.js";
import { READERS } from "../tokens/identity.js";
import { IdParamSchema } from "../schemas.js";
import type { RouteDeps } from "../service-deps.js";
import type { ServiceEnv } from "../service-env.js";
import { AUTH_PROBLEMS, problemResponses } from "./problem-responses.js";

const report = createRoute({
  method: "get",
  path: "/v1/assessments/{id}/report.html",
  operationId: "getAssessmentReport",
  summary: "The assessment as one self-contained HTML report (as kyocho report --html)",
  middleware: [requireRole(...READERS)] as const,
  request: { params: IdParamSchema, query: z.object({ lang: z.enum(["en", "ja"]).optional() }) },
  responses: {
    200: { description: "The report", content: { "text/html": { schema: z.string() } } },
    ...problemResponses(...AUTH_PROBLEMS, 404, 409, 422),
  },
  security: [{ bearer: [] }],
});

/** GET /v1/assessments/{id}/report.html. */
export function reportRoutes(app: OpenAPIHono<ServiceEnv>, deps: RouteDeps): void {
  app.openapi(report, async (c) => {
    const { id } = c.req.valid("param");
    const record = await deps.store.get(id);
    if (!record) throw new HttpProblem(404, "Not found", `no assessment ${id}`);
    if (!record.assessment) throw new HttpProblem(409, "Conflict", `${id} is ${record.status}: no report before it finishes`);
    const html = renderHtml(record.assessment, { language: c.req.valid("query").lang ?? "auto", generatedAt: deps.now() });
    // The report is self-contained: nothing may be fetched or run from it.
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");
    c.header("Cache-Control", "no-store");
    return c.html(html, 200);
  });
}
