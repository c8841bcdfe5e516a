import type { MiddlewareHandler } from "hono";
import { HttpProblem } from "../problem.js";
import { hasRole } from "../tokens/identity.js";
import type { ServiceEnv } from "../service-env.js";

/** 403 unless the request's identity holds one of `roles` (`admin` holds all). */
export function requireRole(...roles: string[]): MiddlewareHandler<ServiceEnv> {
  return async (c, next) => {
    if (!hasRole(c.get("identity"), ...roles)) throw new HttpProblem(403, "Forbidden", `needs the role ${roles.join(" or ")}`);
    return next();
  };
}
