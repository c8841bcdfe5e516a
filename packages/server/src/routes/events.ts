import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { HttpProblem } from "../problem.js";
import { requireRole } from "../middleware/require-role.js";
import { READERS } from "../tokens/identity.js";
import { IdParamSchema } from "../schemas.js";
import type { RouteDeps } from "../service-deps.js";
import type { ServiceEnv } from "../service-env.js";
import { AUTH_PROBLEMS, problemResponses } from "./problem-responses.js";

const events = createRoute({
  method: "get",
  path: "/v1/assessments/{id}/events",
  operationId: "streamAssessmentEvents",
  summary: "The assessment's events as server-sent events: every event from the start, then live ones, then `end`",
  description:
    "Each event has `id: <n>`, `event: <type>` (planned, expert_started, expert_facts, expert_finished, merged, summarised, awaiting_signoff, signed, failed, end) and `data: <json>`. `Last-Event-ID: n` resumes after event n.",
  middleware: [requireRole(...READERS)] as const,
  request: {
    params: IdParamSchema,
    headers: z.object({
      "last-event-id": z
        .string()
        .regex(/^\d{1,9}$/)
        .optional(),
    }),
  },
  responses: {
    200: { description: "The event stream", content: { "text/event-stream": { schema: z.string() } } },
    ...problemResponses(...AUTH_PROBLEMS, 404, 422),
  },
  security: [{ bearer: [] }],
});

/** GET /v1/assessments/{id}/events. */
export function eventRoutes(app: OpenAPIHono<ServiceEnv>, deps: RouteDeps): void {
  app.openapi(events, async (c) => {
    const { id } = c.req.valid("param");
    const log = await deps.runs.events(id);
    if (!log) throw new HttpProblem(404, "Not found", `no assessment ${id}`);
    const lastId = Number(c.req.valid("header")["last-event-id"] ?? "0");
    c.header("Cache-Control", "no-store");
    c.header("X-Accel-Buffering", "no");
    return streamSSE(c, async (stream) => {
      const closed = new AbortController();
      stream.onAbort(() => closed.abort());
      let after = lastId;
      for (;;) {
        // `since` and `changed` are called with no await between them: no event slips between the look and the wait.
        const { events: next, ended } = log.since(after);
        if (next.length === 0) {
          if (ended || closed.signal.aborted) break;
          const changed = log.changed(closed.signal);
          // A comment line now and then while nothing happens (a model may think for minutes), so proxies with an
          // idle timeout keep the stream open; clients ignore comments.
          while (!(await wokeWithin(changed, deps.sseKeepAliveMs)) && !closed.signal.aborted) await stream.write(": keep-alive\n\n");
          continue;
        }
        for (const e of next) {
          await stream.writeSSE({ id: String(e.id), event: e.event, data: JSON.stringify(e.data) });
          after = e.id;
        }
      }
    });
  });
}

/** Whether `changed` settled within `ms`. */
async function wokeWithin(changed: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([changed.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
