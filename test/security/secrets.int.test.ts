import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DATA_IS_NOT_INSTRUCTIONS } from "@kyocho/models";
import { createRedisConnection, escapeGlob, prefixBase, scanKeys, type Redis } from "@kyocho/queue";
import { expertAnswer, startTestModelServer, type TestModelServer } from "@kyocho/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, uniquePrefix, type TestRedisServer } from "@kyocho/queue/testing";
import { EXAMPLE_CASE } from "../queue/helpers/batch-files.js";
import { startKyocho, stopKyocho, type KyochoProcess } from "../queue/helpers/kyocho-process.js";

// Tier: *.int.test.ts — a password-protected Redis of the test's own and the local model endpoint. Secrets are
// planted (the model API key, the Redis password), a careless model server echoes the key back in its errors,
// and then everything kyocho wrote is searched: logs, stderr, stdout, the audit trail, the batch output, error
// messages, and every key kyocho left in Redis. Neither secret may appear, nor the prompts sent to the models.
const API_KEY = "sk-planted-api-key-7d41c09e55aa";
const REDIS_PASSWORD = "planted-redis-password-93b2";
const KEY_ENV = "KYOCHO_SECRETS_TEST_KEY";
const dir = mkdtempSync(join(tmpdir(), "kyocho-secrets-"));
const prefix = uniquePrefix("secrets");
let redis: TestRedisServer;
let model: TestModelServer;
let admin: Redis;
let url: string;
const processes: KyochoProcess[] = [];

beforeAll(async () => {
  redis = await startRedisServer({ password: REDIS_PASSWORD });
  url = `redis://:${REDIS_PASSWORD}@127.0.0.1:${redis.port}`;
  admin = createRedisConnection(url);
  model = await startTestModelServer({ models: ["qwen3-secrets"], apiKey: API_KEY });
  // A server that quotes the key it was sent in its error messages, as some gateways do.
  const echo = { status: 401, errorMessage: `Incorrect API key provided: ${API_KEY}. Check Authorization: Bearer ${API_KEY}` };
  model
    .script("lending", echo, echo, echo)
    .script(
      "fx",
      { status: 500, errorMessage: `upstream failed for key ${API_KEY}` },
      { status: 500, errorMessage: `upstream failed for key ${API_KEY}` },
      { status: 500, errorMessage: `upstream failed for key ${API_KEY}` },
    )
    .respond("legal", { json: expertAnswer({ findings: [{ severity: "medium", title: "Target KYC", message: "KYC on the target is still pending." }] }) });
}, 30_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => stopKyocho(p)));
  admin.disconnect();
  await model.close();
  await redis.stop();
});

describe("secrets and prompts stay where they belong", () => {
  it("no API key, Redis password or prompt text in logs, stdout, stderr, audit lines, batch output, error messages or Redis", async () => {
    const auditDir = join(dir, "audit");
    const config = join(dir, "models.json");
    const endpoint = { baseURL: model.baseURL, model: "qwen3-secrets", apiKeyEnv: KEY_ENV, timeoutMs: 5_000, maxRetries: 1, retryDelayMs: 10 };
    writeFileSync(config, JSON.stringify({ models: { default: endpoint }, summary: { enabled: true }, audit: { path: join(auditDir, "audit-{date}.jsonl") } }));
    const env = { REDIS_URL: url, KYOCHO_PREFIX: prefix, [KEY_ENV]: API_KEY, KYOCHO_CONFIG: config };

    const worker = startKyocho(["worker", "--name", "secrets-worker", "--verbose"], env);
    processes.push(worker);
    await worker.waitForStderr(/ready on/);

    const ask = await runKyocho(["ask", "--queue", "--json", "--case", EXAMPLE_CASE], { env });
    expect(ask.code, ask.stderr).toBe(0);
    const assessment = JSON.parse(ask.stdout) as { experts: Array<{ name: string; modelUse?: { outcome: string; reason?: string } }> };
    // The failures happened, and their reasons were kept — without the key the server put in them.
    const reasons = Object.fromEntries(assessment.experts.map((e) => [e.name, e.modelUse?.reason ?? ""]));
    expect(reasons.lending).toMatch(/HTTP 401/);
    expect(reasons.fx).toMatch(/HTTP 500/);

    const input = join(dir, "in.jsonl");
    writeFileSync(
      input,
      `${[1, 2, 3].map((i) => JSON.stringify({ id: `s-${i}`, question: `Can we lend USD ${i}0m? (${i})`, caseFile: EXAMPLE_CASE })).join("\n")}\n`,
    );
    const output = join(dir, "out.jsonl");
    const batch = await runKyocho(["batch", input, "--out", output, "--queue"], { env });
    expect(batch.code, batch.stderr).toBe(0);

    // Error paths: a wrong Redis password, a missing key variable, a bad URL.
    const wrongPassword = await runKyocho(["ask", "--queue", "Can we lend?"], {
      env: { ...env, REDIS_URL: `redis://:${REDIS_PASSWORD}-wrong@127.0.0.1:${redis.port}` },
    });
    expect(wrongPassword.code).toBe(1);
    expect(wrongPassword.stderr).toMatch(/cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ \(WRONGPASS/);
    const badUrl = await runKyocho(["worker"], { env: { ...env, REDIS_URL: `redis://:${REDIS_PASSWORD}@127.0.0.1:notaport` } });
    expect(badUrl.code).toBe(2);
    const noKey = await runKyocho(["ask", "Can we lend?"], { env: { ...env, [KEY_ENV]: "" } });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(new RegExp(`${KEY_ENV} is not set`));

    const dashboard = startKyocho(["dashboard", "--port", "0"], env);
    processes.push(dashboard);
    const [, board] = await dashboard.waitForStderr(/dashboard on (http:\/\/127\.0\.0\.1:\d+\/)/);
    const pages = await Promise.all(["api/queues", "api/redis/stats"].map(async (path) => (await fetch(new URL(path, board))).text()));

    await stopKyocho(worker);
    await stopKyocho(dashboard);
    const audit = readdirSync(auditDir)
      .map((f) => readFileSync(join(auditDir, f), "utf8"))
      .join("");
    expect(audit.split("\n").filter(Boolean).length).toBeGreaterThan(10);

    const written: Record<string, string> = {
      "worker log": worker.stderr() + worker.stdout(),
      "ask stdout": ask.stdout,
      "ask stderr": ask.stderr,
      "batch output": readFileSync(output, "utf8"),
      "batch stderr": batch.stderr + batch.stdout,
      "error messages": wrongPassword.stderr + badUrl.stderr + noKey.stderr,
      "dashboard log": dashboard.stderr() + dashboard.stdout(),
      "dashboard pages": pages.join("\n"),
      "audit lines": audit,
      Redis: await dumpKeys(admin, prefix),
    };
    expect(written.Redis!.length).toBeGreaterThan(1_000);
    for (const [where, text] of Object.entries(written)) {
      expect(text, `the API key in ${where}`).not.toContain(API_KEY);
      expect(text, `the Redis password in ${where}`).not.toContain(REDIS_PASSWORD);
      // The prompts: kyocho's system prompt and its data blocks (audit.includeText is off).
      expect(text, `a prompt in ${where}`).not.toContain(DATA_IS_NOT_INSTRUCTIONS.slice(0, 60));
      expect(text, `a prompt in ${where}`).not.toContain('<data name="case">');
    }
    // The endpoint did get the key, as a bearer token, and nothing else did.
    expect(model.requests.filter((r) => r.path.endsWith("/chat/completions")).every((r) => r.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
  }, 60_000);
});

/** Runs the CLI without blocking this process (the model endpoint it talks to answers from here). */
async function runKyocho(args: string[], options: { env: NodeJS.ProcessEnv }): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const p = startKyocho(args, options.env);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

/** Every value of every key under `prefix` (each expert's queue under its own `{<prefix>:<expert>}` tag), whatever its type, as text. */
async function dumpKeys(redis: Redis, prefix: string): Promise<string> {
  const out: string[] = [];
  for (const key of await scanKeys(redis, `${escapeGlob(`{${prefixBase(prefix)}:`)}*`)) {
    const type = await redis.type(key);
    const value =
      type === "string"
        ? await redis.get(key)
        : type === "hash"
          ? await redis.hgetall(key)
          : type === "list"
            ? await redis.lrange(key, 0, -1)
            : type === "set"
              ? await redis.smembers(key)
              : type === "zset"
                ? await redis.zrange(key, 0, -1, "WITHSCORES")
                : type === "stream"
                  ? await redis.xrange(key, "-", "+")
                  : type;
    out.push(`${key} ${JSON.stringify(value)}`);
  }
  return out.join("\n");
}
