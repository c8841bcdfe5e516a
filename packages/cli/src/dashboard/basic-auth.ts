import { createHash, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import type { RequestHandler } from "express";

/** The credentials a dashboard bound beyond this machine asks for. */
export interface DashboardCredentials {
  user: string;
  password: string;
}

/**
 * Express middleware that asks for HTTP basic authentication and compares
 * the credentials in constant time (over their SHA-256 digests, so neither
 * their length nor their content shows in the timing). A request without
 * them, or with wrong ones, gets 401 and a `WWW-Authenticate` challenge.
 *
 * @example
 * app.use(basicAuth({ user: "ops", password: process.env.KYOCHO_DASHBOARD_PASSWORD! }));
 */
export function basicAuth(credentials: DashboardCredentials, realm = "kyocho dashboard"): RequestHandler {
  const expected = digest(`${credentials.user}:${credentials.password}`);
  return (req, res, next) => {
    const header = req.headers.authorization ?? "";
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    const given = match ? Buffer.from(match[1]!, "base64").toString("utf8") : "";
    if (match && timingSafeEqual(digest(given), expected)) return next();
    res.set("WWW-Authenticate", `Basic realm="${realm}", charset="UTF-8"`);
    res.status(401).type("text/plain").send("authentication required\n");
  };
}

/**
 * True when `host` only accepts connections from this machine: `localhost`,
 * 127.0.0.0/8 or `::1`.
 *
 * @example
 * isLoopbackHost("127.0.0.1") // true
 * isLoopbackHost("0.0.0.0")   // false: every interface
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare === "::1" || bare === "0:0:0:0:0:0:0:1";
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
