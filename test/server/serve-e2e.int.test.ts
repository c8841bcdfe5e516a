import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import createClient from "openapi-fetch";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InProcessExecutor } from "@kyocho/core";
import { createCouncil, type Council } from "@kyocho/council";
import { createModelRegistry, ModelPlanner, parseModelConfig } from "@kyocho/models";
import { startTestModelServer, type TestModelServer } from "@kyocho/testing";
import { loadReferencePolicy, referenceExperts } from "@kyocho/reference-council";
import { cliEnv } from "../helpers/cli-env.js";
import { OPENAPI_TYPES_FILE, openapiTypes } from "../helpers/openapi-types.js";
import { REPO_ROOT } from "../helpers/run-cli.js";
import { runCliAsync } from "../helpers/run-cli-async.js";
import { exampleCase, TOKEN_ENTRIES, TOKENS } from "../helpers/service-fixture.js";
import type { paths } from "./openapi-types.generated.js";

const BIN = fileURLToPath(new URL("../../packages/cli/bin/kyocho.js", import.meta.url));
const REDOCLY = join(REPO_ROOT, "node_modules", ".bin", "redocly");

let dir: string;
let server: ChildProcess;
let baseUrl: string;
let stderr = "";
let models: TestModelServer;
/** The in-process council's own endpoint (same replies), so the service's model calls can be counted apart. */
let localModels: TestModelServer;

/** Chat completions the service's endpoint answered. */
const serviceCompletions = () => models.requests.filter((r) => r.path.endsWith("/chat/completions")).length;
/** The same council in this process, without a store, on the same model endpoint: what it answers, the service must answer. */
let inProcess: Council;

/** Starts `kyocho serve --port 0` and resolves with the URL it prints on stdout. */
function startServe(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  server = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], { cwd: dir, env: cliEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  server.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = "";
    server.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const line = /^(http:\/\/\S+)\n/.exec(out);
      if (line) resolve(line[1]!);
    });
    server.once("exit", (code) => reject(new Error(`kyocho serve exited ${code}: ${stderr}`)));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kyocho-serve-e2e-"));
  writeFileSync(join(dir, "tokens.yaml"), stringify({ tokens: TOKEN_ENTRIES }));
  // The experts and the planner consult a model over HTTP (a scripted test endpoint with a little latency), so the
  // service's runs really overlap: each waits on its model calls while the others proceed.
  models = await startTestModelServer({ models: ["test-model"], latencyMs: 5 });
  localModels = await startTestModelServer({ models: ["test-model"] });
  const modelConfig = (baseURL: string) => ({
    models: { default: { baseURL, model: "test-model", reasoning: false, maxRetries: 0 } },
    audit: { enabled: false },
  });
  writeFileSync(join(dir, "models.json"), JSON.stringify(modelConfig(models.baseURL)));
  const registry = createModelRegistry(parseModelConfig(modelConfig(localModels.baseURL), { source: "test" }), {
    experts: referenceExperts.map((e) => e.name),
  });
  const planner = registry.forPlanner()!;
  inProcess = createCouncil({
    experts: referenceExperts,
    policy: loadReferencePolicy(),
    executor: new InProcessExecutor(referenceExperts, { models: registry }),
    planner: new ModelPlanner({ model: planner, timeoutMs: planner.info.timeoutMs }),
    planning: "speculative",
  });
  baseUrl = await startServe({ KYOCHO_STORE: join(dir, "kyocho.db"), KYOCHO_TOKENS_FILE: join(dir, "tokens.yaml"), KYOCHO_RATE_LIMIT: "1000" }, [
    "--config",
    join(dir, "models.json"),
  ]);
}, 30_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

/** The 200 answer of POST /v1/assessments (the assessment), not the 202 one (`Prefer: respond-async`). */
function assessed<T extends object>(data: T | undefined): Extract<T, { decision: unknown }> {
  if (!data || !("decision" in data)) throw new Error(`not an assessment: ${JSON.stringify(data)}`);
  return data as Extract<T, { decision: unknown }>;
}

const client = () => createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${TOKENS.analyst}` } });

describe("kyocho serve, end to end (spawned CLI, a client generated from /openapi.json)", () => {
  it("assesses a case posted with the generated client exactly as council.assess does in process", async () => {
    const c = exampleCase("acquisition-finance");
    const { data: answer, error, response } = await client().POST("/v1/assessments", { body: { case: c } });
    expect(error).toBeUndefined();
    const data = assessed(answer);
    expect(response.headers.get("location")).toBe(`/v1/assessments/${data.id}`);
    const expected = await inProcess.assess({ case: inProcess.parseCase(c) });
    expect(data.id).toBe(expected.id);
    expect({ decision: data.decision, rating: data.rating, findings: data.findings }).toEqual({
      decision: expected.decision,
      rating: expected.rating,
      findings: expected.findings,
    });
    const record = await client().GET("/v1/assessments/{id}", { params: { path: { id: data.id } } });
    expect(record.data).toMatchObject({ id: data.id, status: "awaiting_signoff", requestedBy: "ito" });
  });

  it("answers 50 concurrent POSTs (different cases and questions, some identical) each with what council.assess answers", async () => {
    const names = [
      "clean-domestic-term-loan",
      "acquisition-finance",
      "sanctions-declined",
      "fx-hedging-program",
      "ringi-ja",
      "bullet-balloon",
      "natural-hedge",
      "refinance-ja",
    ];
    const questions = [undefined, "Can we extend this facility?", "Should the bank take this exposure?"];
    const requests = Array.from({ length: 50 }, (_, i) => ({
      case: exampleCase(names[i % names.length]!),
      question: questions[Math.floor(i / names.length) % questions.length],
    }));
    const distinct = new Set(requests.map((r) => JSON.stringify(r))).size;
    expect(distinct).toBeLessThan(50);
    expect(distinct).toBeGreaterThan(10);
    const answers = await Promise.all(requests.map((body) => client().POST("/v1/assessments", { body })));
    for (const [i, answer] of answers.entries()) {
      expect(answer.response.status, `request ${i}`).toBe(200);
      const r = requests[i]!;
      const expected = await inProcess.assess({ question: r.question, case: inProcess.parseCase(r.case) });
      const got = assessed(answer.data);
      expect(got.id, `request ${i}`).toBe(expected.id);
      expect({ decision: got.decision, findings: got.findings }, `request ${i}`).toEqual({ decision: expected.decision, findings: expected.findings });
    }
    const list = await client().GET("/v1/assessments", { params: { query: { limit: 1000 } } });
    expect(new Set(list.data!.items.map((x) => x.id)).size).toBe(list.data!.items.length);
    expect(list.data!.items.length).toBeGreaterThanOrEqual(distinct);
  }, 60_000);

  it("reports ready with the store and the model endpoint reachable, without a token", async () => {
    const ready = await fetch(`${baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { store: "ok", models: "ok" } });
  });

  it("times every model call on /metrics (from the audit entries), for a monitor's token only", async () => {
    expect((await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKENS.analyst}` } })).status).toBe(403);
    const scrape = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKENS.monitor}` } });
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    const counted = [...text.matchAll(/^kyocho_model_call_duration_seconds_count\{([^}]*)\} (\d+)$/gm)];
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.every(([, labels]) => /model="test-model"/.test(labels!) && /outcome="ok"/.test(labels!))).toBe(true);
    // Every chat completion the endpoint answered for the service (the in-process council's calls are not the service's).
    const total = counted.reduce((n, [, , count]) => n + Number(count), 0);
    expect(total).toBe(serviceCompletions());
  });

  it("serves /openapi.json whose generated client types are the committed ones", async () => {
    const document = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as Record<string, unknown>;
    const generated = await openapiTypes(document);
    if (process.env.KYOCHO_UPDATE_OPENAPI_TYPES === "1") writeFileSync(OPENAPI_TYPES_FILE, generated);
    const committed = existsSync(OPENAPI_TYPES_FILE) ? readFileSync(OPENAPI_TYPES_FILE, "utf8") : "";
    expect(generated, "the service's API changed: regenerate with KYOCHO_UPDATE_OPENAPI_TYPES=1 and commit test/server/openapi-types.generated.ts").toBe(
      committed,
    );
  });

  it("serves an /openapi.json that passes redocly lint", async () => {
    const document = await (await fetch(`${baseUrl}/openapi.json`)).text();
    if (!existsSync(REDOCLY)) {
      // Under CI a missing linter fails the test; elsewhere it says why it could not lint.
      expect(process.env.CI, `@redocly/cli is not installed at ${REDOCLY}`).toBeFalsy();
      return;
    }
    const copy = join(dir, "openapi.json");
    writeFileSync(copy, document);
    const r = spawnSync(REDOCLY, ["lint", copy, "--format", "stylish"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    });
    expect(r.error, "redocly could not run").toBeUndefined();
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  }, 60_000);
});

describe("kyocho serve refuses what it must not do", () => {
  it("refuses to bind anything but loopback without a tokens file: exit 2, one line naming --host", () => {
    const r = spawnSync(process.execPath, [BIN, "serve", "--host", "0.0.0.0", "--port", "0"], {
      cwd: dir,
      env: cliEnv({ KYOCHO_STORE: join(dir, "x.db") }),
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--host");
  });

  it("refuses a port in use: exit 2, one line naming --port", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    try {
      const port = (busy.address() as AddressInfo).port;
      const r = await runCliAsync(["serve", "--port", String(port)], { env: { KYOCHO_STORE: join(dir, "busy.db") }, timeoutMs: 30_000 });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([`kyocho: --port: cannot listen on 127.0.0.1:${port} (EADDRINUSE)`]);
    } finally {
      busy.close();
    }
  });

  it("refuses KYOCHO_STORE=off: the service is a system of record", () => {
    const r = spawnSync(process.execPath, [BIN, "serve", "--port", "0"], { cwd: dir, env: cliEnv({ KYOCHO_STORE: "off" }), encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("KYOCHO_STORE is off");
  });

  it("tokens new prints a token once and an entry holding only its SHA-256, which the service accepts", async () => {
    const r = spawnSync(process.execPath, [BIN, "tokens", "new", "--subject", "kato", "--role", "analyst"], {
      cwd: dir,
      env: cliEnv(),
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^kyo_[A-Za-z0-9_-]{43}$/);
    expect(r.stderr).not.toContain(token);
    const { tokenRegistry, TokensFileSchema } = await import("@kyocho/server");
    const { parse } = await import("yaml");
    const file = TokensFileSchema.parse(parse(r.stderr.slice(r.stderr.indexOf("tokens:"))));
    expect(tokenRegistry(file.tokens).identify(token)).toEqual({ subject: "kato", roles: ["analyst"], authenticated: true });
  });
});
