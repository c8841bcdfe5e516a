import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SIGNOFF_DECISIONS } from "@kyocho/core/assessment";
import { afterEach, describe, expect, it } from "vitest";
import { serviceFixture, type ServiceFixture } from "../helpers/service-fixture.js";

let fixture: ServiceFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

function publicDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "kyocho-public-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>page</title>");
  writeFileSync(join(dir, "assets", "app.js"), "export {};");
  writeFileSync(join(dir, ".secret.json"), "{}");
  writeFileSync(join(tmpdir(), "outside-public.html"), "outside");
  return dir;
}

describe("kyocho serve: the analyst page's files", () => {
  it("serves public/ at / with content types, no-cache and the page's security headers, and no token needed", async () => {
    fixture = await serviceFixture({ publicDir: publicDir() });
    const index = await fixture.request("/");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(index.headers.get("cache-control")).toBe("no-cache");
    expect(index.headers.get("content-security-policy")).toMatch(/^default-src 'self'/);
    expect(index.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await index.text()).toContain("<title>page</title>");
    const script = await fixture.request("/assets/app.js");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  });

  it("lists no directory, serves no hidden file and nothing outside public/", async () => {
    fixture = await serviceFixture({ publicDir: publicDir() });
    for (const path of [
      "/assets",
      "/assets/",
      "/.secret.json",
      "/../outside-public.html",
      "/%2e%2e/outside-public.html",
      "/assets/%2e%2e/%2e%2e/outside-public.html",
    ]) {
      const r = await fixture.request(path);
      expect(r.status, path).toBe(404);
      expect(r.headers.get("content-type"), path).toBe("application/problem+json");
    }
  });
});

describe("kyocho serve: /openapi.json", () => {
  it("is OpenAPI 3.1 generated from the request schemas: every route, bearer security, the sign-off decisions of core", async () => {
    fixture = await serviceFixture();
    const doc = (await (await fixture.request("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/healthz",
        "/readyz",
        "/metrics",
        "/v1/me",
        "/v1/assessments",
        "/v1/assessments/{id}",
        "/v1/assessments/{id}/events",
        "/v1/assessments/{id}/report.html",
        "/v1/assessments/{id}/signoff",
        "/v1/plan",
        "/v1/experts",
        "/v1/schema/case",
      ].sort(),
    );
    expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
    expect(doc.paths["/v1/assessments"]!.post!.security).toEqual([{ bearer: [] }]);
    expect(doc.components.schemas.SignoffRequest!.properties!.decision!.enum).toEqual([...SIGNOFF_DECISIONS]);
    expect(Object.keys(doc.components.schemas.SignoffRequest!.properties!)).not.toContain("name");
  });
});
