import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, uniquePrefix, type TestRedisServer } from "@kyocho/queue/testing";
import { prefixBase } from "@kyocho/queue";
import { EXAMPLE_CASE } from "../queue/helpers/batch-files.js";
import { startKyocho, stopKyocho, type KyochoProcess } from "../queue/helpers/kyocho-process.js";

// Tier: *.int.test.ts — private redis-servers: one with a password and an ACL user limited to kyocho's keys
// (least privilege: no dangerous commands but INFO, which BullMQ reads), one serving TLS only with a
// self-signed certificate. kyocho's worker and `ask --queue` run against each, as an operator runs them.
const dir = mkdtempSync(join(tmpdir(), "kyocho-redis-auth-"));
const ADMIN_PASSWORD = "admin-password-5e1d";
const USER_PASSWORD = "kyocho-user-password-0c7a";
const prefix = uniquePrefix("acl");
const running: KyochoProcess[] = [];

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const p = startKyocho(args, env);
  running.push(p);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

/** Runs `kyocho ask --queue` against a Redis with one worker serving it, and returns both processes' output. */
async function askThroughQueue(env: NodeJS.ProcessEnv) {
  const worker = startKyocho(["worker", "--name", "auth-worker"], env);
  running.push(worker);
  try {
    await worker.waitForStderr(/ready on/, 20_000);
    return { ask: await run(["ask", "--queue", "--json", "-q", "--case", EXAMPLE_CASE], env), worker };
  } finally {
    await stopKyocho(worker);
  }
}

const withoutLatency = (json: string) => JSON.stringify(JSON.parse(json), (k, v) => (k === "latencyMs" ? undefined : v));
let inProcess: string;

beforeAll(async () => {
  inProcess = withoutLatency((await run(["ask", "--json", "-q", "--case", EXAMPLE_CASE], {})).stdout);
});
afterAll(async () => {
  await Promise.all(running.map((p) => stopKyocho(p)));
});

describe("Redis AUTH: a password, and an ACL user limited to kyocho's keys", () => {
  let redis: TestRedisServer;
  beforeAll(async () => {
    redis = await startRedisServer({
      password: ADMIN_PASSWORD,
      // Per expert, the queues' keys start `{<prefix>:<expert>}`: the user may touch those and nothing else.
      users: [`kyocho on >${USER_PASSWORD} ~{${prefixBase(prefix)}:* resetchannels +@all -@dangerous +info`],
    });
  });
  afterAll(() => redis.stop());

  it("works with the ACL user in REDIS_URL (redis://user:password@host), and gives the same assessment as in process", async () => {
    const env = { REDIS_URL: `redis://kyocho:${USER_PASSWORD}@127.0.0.1:${redis.port}`, KYOCHO_PREFIX: prefix };
    const { ask, worker } = await askThroughQueue(env);
    expect(ask.code, ask.stderr).toBe(0);
    expect(withoutLatency(ask.stdout)).toBe(inProcess);
    expect(worker.stderr()).toMatch(/ready on redis:\/\/kyocho:\*\*\*@127\.0\.0\.1:\d+/);
    expect(worker.stderr() + ask.stderr).not.toContain(USER_PASSWORD);
  }, 30_000);

  it("works with the default user's password (redis://:password@host)", async () => {
    const { ask } = await askThroughQueue({ REDIS_URL: `redis://:${ADMIN_PASSWORD}@127.0.0.1:${redis.port}`, KYOCHO_PREFIX: `${prefix.slice(0, -1)}-admin}` });
    expect(ask.code, ask.stderr).toBe(0);
    expect(withoutLatency(ask.stdout)).toBe(inProcess);
  }, 30_000);

  it("a wrong password, no password, or keys outside the user's pattern: one line, exit 1, the password hidden", async () => {
    const base = `127.0.0.1:${redis.port}`;
    const [wrong, none, outside] = await Promise.all([
      run(["ask", "--queue", "Can we lend?"], { REDIS_URL: `redis://kyocho:not-the-password@${base}`, KYOCHO_PREFIX: prefix }),
      run(["ask", "--queue", "Can we lend?"], { REDIS_URL: `redis://${base}`, KYOCHO_PREFIX: prefix }),
      // The ACL user may not touch another prefix: refused at once, in one line, without a stack trace.
      run(["ask", "--queue", "Can we lend?"], { REDIS_URL: `redis://kyocho:${USER_PASSWORD}@${base}`, KYOCHO_PREFIX: "{someone-else}" }),
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toMatch(
      /^kyocho: cannot reach Redis at redis:\/\/kyocho:\*\*\*@127\.0\.0\.1:\d+ \(WRONGPASS[^)]*\); start Redis or set REDIS_URL$/,
    );
    expect(wrong.stderr).not.toContain("not-the-password");

    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toMatch(/^kyocho: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+ \(NOAUTH[^)]*\); start Redis or set REDIS_URL$/);

    expect(outside.code).toBe(1);
    expect(outside.stderr.trim().split("\n")).toHaveLength(1);
    expect(outside.stderr).toMatch(/NOPERM/);
    expect(outside.stderr).not.toContain(USER_PASSWORD);
    expect(outside.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});

// TLS needs a redis-server built with it (Debian's is) and openssl for a self-signed certificate.
const tlsAvailable = (() => {
  const version = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  const openssl = spawnSync("openssl", ["version"], { encoding: "utf8" });
  return version.status === 0 && openssl.status === 0;
})();
// On a developer's machine without them the TLS tests skip; in CI a skip would hide an untested path, so it fails.
if (!tlsAvailable && process.env.CI) throw new Error("redis-server or openssl is missing: CI must run the rediss:// tests");

describe.skipIf(!tlsAvailable)("rediss:// (TLS) with a self-signed certificate", () => {
  let redis: TestRedisServer;
  let ca: string;
  beforeAll(async () => {
    const key = join(dir, "redis.key");
    ca = join(dir, "redis.crt");
    const extensions = join(dir, "san.cnf");
    writeFileSync(extensions, "[req]\ndistinguished_name=dn\n[dn]\n[san]\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        key,
        "-out",
        ca,
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-extensions",
        "san",
        "-config",
        extensions,
      ],
      { stdio: "ignore" },
    );
    redis = await startRedisServer({ password: ADMIN_PASSWORD, tls: { certFile: ca, keyFile: key, caFile: ca } });
  });
  afterAll(() => redis?.stop());

  it("works when the certificate is trusted (NODE_EXTRA_CA_CERTS), with no warning", async () => {
    const env = { REDIS_URL: `rediss://:${ADMIN_PASSWORD}@127.0.0.1:${redis.port}`, KYOCHO_PREFIX: prefix, NODE_EXTRA_CA_CERTS: ca };
    const { ask, worker } = await askThroughQueue(env);
    expect(ask.code, ask.stderr).toBe(0);
    expect(withoutLatency(ask.stdout)).toBe(inProcess);
    expect(ask.stderr).toBe("");
    expect(worker.stderr()).toMatch(/ready on rediss:\/\/:\*\*\*@127\.0\.0\.1:\d+/);
    expect(worker.stderr()).not.toMatch(/Warning/);
  }, 30_000);

  it("refuses a certificate it cannot verify, and a plain connection to the TLS port: one line, exit 1", async () => {
    const [untrusted, plain] = await Promise.all([
      run(["ask", "--queue", "Can we lend?"], { REDIS_URL: `rediss://:${ADMIN_PASSWORD}@127.0.0.1:${redis.port}`, KYOCHO_PREFIX: prefix }),
      run(["ask", "--queue", "Can we lend?"], { REDIS_URL: `redis://:${ADMIN_PASSWORD}@127.0.0.1:${redis.port}`, KYOCHO_PREFIX: prefix }),
    ]);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr.trim()).toMatch(/^kyocho: cannot reach Redis at rediss:\/\/:\*\*\*@127\.0\.0\.1:\d+ \(.*(self[- ]signed|certificate).*\)/i);
    expect(plain.code).toBe(1);
    expect(plain.stderr.trim().split("\n")).toHaveLength(1);
    expect(plain.stderr).toMatch(/^kyocho: cannot reach Redis at redis:\/\/:\*\*\*@/);
  }, 30_000);
});
