import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { Hono } from "hono";
import { notFound } from "../middleware/problem-errors.js";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The analyst page's security headers: its own files only (no CDN, no inline script), no framing, no referrer
 * (an assessment id in a URL stays on the page).
 */
export const PAGE_HEADERS: Record<string, string> = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

/**
 * Serves the analyst page's files from `dir` at `/` (`index.html`) and below (`/assets/*`): files only, by
 * their extension's type, no directory listing, nothing outside `dir`, nothing hidden. `Cache-Control:
 * no-cache`: the browser revalidates, so a new version of the page is picked up at once.
 */
export function staticFiles(app: Hono<any>, dir: string): void {
  app.get("/*", async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    const relative = path === "/" ? "index.html" : path.slice(1);
    const type = CONTENT_TYPES[extname(relative).toLowerCase()];
    const file = normalize(join(dir, relative));
    if (!type || !file.startsWith(dir.endsWith(sep) ? dir : dir + sep) || relative.split("/").some((part) => part.startsWith("."))) return notFound(c);
    try {
      if (!(await stat(file)).isFile()) return notFound(c);
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: { "content-type": type, "cache-control": "no-cache", ...PAGE_HEADERS } });
    } catch {
      return notFound(c);
    }
  });
}
