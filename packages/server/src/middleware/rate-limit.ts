import type { MiddlewareHandler } from "hono";
import { HttpProblem } from "../problem.js";
import type { ServiceEnv } from "../service-env.js";

/** How many requests one identity may make per window (`KYOCHO_RATE_LIMIT` per `KYOCHO_RATE_WINDOW_SECONDS`). */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

/**
 * A fixed-window request limit per identity (the token's subject, or the local analyst): past it, 429 with
 * `Retry-After` in seconds until the window ends. Counts live in memory, so they are per process.
 */
export function rateLimit(limit: RateLimit, now: () => Date): MiddlewareHandler<ServiceEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const t = now().getTime();
    const key = c.get("identity").subject;
    let w = windows.get(key);
    if (!w || t - w.start >= limit.windowMs) {
      // A new window: forget the windows that ended, so the map holds only the identities of the last window.
      for (const [k, old] of windows) if (t - old.start >= limit.windowMs) windows.delete(k);
      w = { start: t, count: 0 };
      windows.set(key, w);
    }
    w.count += 1;
    if (w.count > limit.requests) {
      const retryAfter = Math.max(1, Math.ceil((w.start + limit.windowMs - t) / 1000));
      throw new HttpProblem(429, "Too many requests", `more than ${limit.requests} requests in ${limit.windowMs / 1000} s; retry after ${retryAfter} s`, {
        headers: { "retry-after": String(retryAfter) },
      });
    }
    return next();
  };
}
