import type { MiddlewareHandler } from "hono";
import { HttpProblem } from "../problem.js";
import type { Identity } from "../tokens/identity.js";
import type { TokenRegistry } from "../tokens/tokens-file.js";
import type { ServiceEnv } from "../service-env.js";

/** Query parameters that would carry a token in the URL. */
const TOKEN_PARAMETERS = ["access_token", "token", "bearer"];

/**
 * Who the request is from: the bearer token's entry in the tokens file (401 without one or with one not
 * in the file), or, when the service runs without a tokens file (loopback only), the local analyst.
 * Tokens are read from the `Authorization` header only, never from the URL, so none lands in a log.
 */
export function auth(tokens: TokenRegistry | undefined, localSubject: string): MiddlewareHandler<ServiceEnv> {
  const local: Identity = { subject: localSubject, roles: ["analyst"], authenticated: false };
  return async (c, next) => {
    // A token in a URL ends up in proxy logs, browser history and Referer headers: refused before anything else.
    const query = new URL(c.req.url).searchParams;
    if (TOKEN_PARAMETERS.some((name) => query.has(name)))
      throw new HttpProblem(400, "Bad request", "never put a token in the URL: send it as Authorization: Bearer <token>");
    if (!tokens) {
      c.set("identity", local);
      return next();
    }
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new HttpProblem(401, "Unauthorized", "send Authorization: Bearer <token>", { headers: { "www-authenticate": 'Bearer realm="kyocho"' } });
    const identity = tokens.identify(match[1]!);
    if (!identity)
      throw new HttpProblem(401, "Unauthorized", "the token is not in the service's tokens file", {
        headers: { "www-authenticate": 'Bearer realm="kyocho", error="invalid_token"' },
      });
    c.set("identity", identity);
    return next();
  };
}
