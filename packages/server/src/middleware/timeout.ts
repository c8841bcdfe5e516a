import type { MiddlewareHandler } from "hono";
import { HttpProblem } from "../problem.js";
import type { ServiceEnv } from "../service-env.js";

/**
 * Answers 503 when a request takes longer than `ms`. The work is not cancelled: an assessment keeps
 * running and is stored, and the problem says where to poll for it (`Location`, set by the route).
 */
export function requestTimeout(ms: number): MiddlewareHandler<ServiceEnv> {
  return async (c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), ms);
      timer.unref();
    });
    try {
      const outcome = await Promise.race([next().then(() => "done" as const), timedOut]);
      if (outcome === "timeout") {
        const location = c.get("location");
        throw new HttpProblem(
          503,
          "Service unavailable",
          `no answer within ${ms / 1000} s${location ? `; the assessment keeps running: poll ${location}` : ""}`,
          { headers: location ? { location, "retry-after": "5" } : { "retry-after": "5" } },
        );
      }
    } finally {
      clearTimeout(timer);
    }
  };
}
