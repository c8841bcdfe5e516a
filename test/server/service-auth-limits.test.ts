import { afterEach, describe, expect, it } from "vitest";
import { exampleCase, json, serviceFixture, type ServiceFixture } from "../helpers/service-fixture.js";

let fixture: ServiceFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const body = () => ({ case: exampleCase("clean-domestic-term-loan") });

describe("kyocho serve: who may do what", () => {
  it("answers 401 problem+json without a token or with one not in the tokens file, and never echoes the token", async () => {
    fixture = await serviceFixture();
    const none = await fixture.request("/v1/me");
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toBe("application/problem+json");
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const wrong = await fixture.request("/v1/me", { token: "not-a-known-token-42" });
    expect(wrong.status).toBe(401);
    const text = await wrong.text();
    expect(JSON.parse(text)).toMatchObject({ status: 401, title: "Unauthorized" });
    expect(text).not.toContain("not-a-known-token-42");
  });

  it("refuses a token in the URL (400) even when it is valid, and never echoes it", async () => {
    fixture = await serviceFixture();
    for (const name of ["access_token", "token"]) {
      const r = await fixture.request(`/v1/me?${name}=analyst-token-0001`, { token: "analyst" });
      expect(r.status, name).toBe(400);
      expect(await r.text()).not.toContain("analyst-token-0001");
    }
  });

  it("answers 403 when the token's roles do not allow the route", async () => {
    fixture = await serviceFixture();
    const monitorAssessing = await fixture.request("/v1/assessments", { ...json(body()), token: "monitor" });
    expect(monitorAssessing.status).toBe(403);
    expect(await monitorAssessing.json()).toMatchObject({ status: 403, detail: "needs the role analyst" });
    const analystScraping = await fixture.request("/metrics", { token: "analyst" });
    expect(analystScraping.status).toBe(403);
    expect((await fixture.request("/metrics", { token: "monitor" })).status).toBe(200);
  });

  it("tells each token who it is and which sign-off roles it may sign with", async () => {
    fixture = await serviceFixture();
    expect(await (await fixture.request("/v1/me", { token: "approver" })).json()).toEqual({
      subject: "sato",
      roles: ["approver:credit_department", "approver:credit_committee"],
      canSignAs: ["credit_department", "credit_committee"],
    });
    expect(await (await fixture.request("/v1/me", { token: "admin" })).json()).toMatchObject({
      canSignAs: ["branch_manager", "credit_department", "credit_committee"],
    });
    expect(await (await fixture.request("/v1/me", { token: "analyst" })).json()).toMatchObject({ canSignAs: [] });
  });

  it("without a tokens file every request is the local analyst, who may assess but never sign", async () => {
    fixture = await serviceFixture({ withTokens: false });
    expect(await (await fixture.request("/v1/me")).json()).toEqual({ subject: "local-user", roles: ["analyst"], canSignAs: [] });
    const assessed = await fixture.request("/v1/assessments", json(body()));
    expect(assessed.status).toBe(200);
    const id = ((await assessed.json()) as { id: string }).id;
    expect((await fixture.store.get(id))?.requestedBy).toBe("local-user");
    const signed = await fixture.request(`/v1/assessments/${id}/signoff`, json({ role: "credit_department", decision: "approve" }));
    expect(signed.status).toBe(403);
    expect(((await signed.json()) as { detail: string }).detail).toContain("tokens file");
  });
});

describe("kyocho serve: limits", () => {
  it("refuses a body over the case-file limit with 413, before parsing it", async () => {
    fixture = await serviceFixture({ limits: { ...(await import("@kyocho/core/limits")).DEFAULT_LIMITS, maxFileBytes: 2048 } });
    const big = { case: { ...body().case, notes: "x".repeat(4096) } };
    const response = await fixture.request("/v1/assessments", { ...json(big), token: "analyst" });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, type: "/problems/413" });
    expect(await fixture.store.list()).toEqual([]);
  });

  it("limits requests per token: past the limit 429 with Retry-After, other tokens unaffected, and the next window admits again", async () => {
    let now = new Date("2026-11-30T09:00:00Z");
    fixture = await serviceFixture({ rateLimit: { requests: 3, windowMs: 60_000 }, now: () => now });
    for (let i = 0; i < 3; i++) expect((await fixture.request("/v1/me", { token: "analyst" })).status).toBe(200);
    now = new Date("2026-11-30T09:00:20Z");
    const limited = await fixture.request("/v1/me", { token: "analyst" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("40");
    expect((await fixture.request("/v1/me", { token: "approver" })).status).toBe(200);
    now = new Date("2026-11-30T09:01:00Z");
    expect((await fixture.request("/v1/me", { token: "analyst" })).status).toBe(200);
  });

  it("answers a bad case with 422 naming each field by its path in the body, and a body that is not JSON with 400", async () => {
    fixture = await serviceFixture();
    const c = body().case as { facility: Record<string, unknown> };
    const bad = await fixture.request("/v1/assessments", { ...json({ case: { ...c, facility: { ...c.facility, amount: -5 } } }), token: "analyst" });
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as { errors: Array<{ path: string }>; detail: string };
    expect(problem.errors.map((e) => e.path)).toEqual(["case.facility.amount"]);
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+/);
    const noCase = await fixture.request("/v1/assessments", { ...json({ question: "lend?" }), token: "analyst" });
    expect(noCase.status).toBe(422);
    expect(((await noCase.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(["case"]);
    const notJson = await fixture.request("/v1/assessments", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
      token: "analyst",
    });
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get("content-type")).toBe("application/problem+json");
  });

  it("applies the input limits of kyocho ask: a question over maxQuestionChars is 422 at `question`, nothing stored", async () => {
    const { DEFAULT_LIMITS } = await import("@kyocho/core/limits");
    fixture = await serviceFixture({ limits: { ...DEFAULT_LIMITS, maxQuestionChars: 20 } });
    const r = await fixture.request("/v1/assessments", {
      ...json({ ...body(), question: "Can we lend this borrower USD 120m for seven years?" }),
      token: "analyst",
    });
    expect(r.status).toBe(422);
    const problem = (await r.json()) as { errors: Array<{ path: string }>; detail: string };
    expect(problem.errors.map((e) => e.path)).toEqual(["question"]);
    expect(problem.detail).toContain("KYOCHO_MAX_QUESTION_CHARS");
    expect(await fixture.store.list()).toEqual([]);
  });

  it("answers 503 with the Location to poll when a run outlasts the request timeout, and the run still finishes and is stored", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fixture = await serviceFixture({
      requestTimeoutMs: 50,
      executor: (inner) => ({ kind: "gated", execute: async (request, options) => (await gate, inner.execute(request, options)) }),
    });
    const response = await fixture.request("/v1/assessments", { ...json(body()), token: "analyst" });
    expect(response.status).toBe(503);
    const location = response.headers.get("location")!;
    expect(location).toMatch(/^\/v1\/assessments\/a-/);
    expect((await fixture.store.get(location.split("/").at(-1)!))?.status).toBe("running");
    release();
    await fixture.service.close();
    expect((await fixture.store.get(location.split("/").at(-1)!))?.status).not.toBe("running");
  });
});
