import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { startKyocho, stopKyocho, type KyochoProcess } from "../queue/helpers/kyocho-process.js";
import { deleteKeys, uniquePrefix } from "../../packages/queue/src/testing/index.js";

// Tier: *.int.test.ts — the dashboard (Bull Board can retry and delete jobs) on the shared Redis.
const env = { KYOCHO_PREFIX: uniquePrefix("dashboard-auth") };
const USER = "risk-ops";
const PASSWORD = "dashboard-password-2b9f";
const boards: KyochoProcess[] = [];
afterAll(async () => {
  await Promise.all(boards.map((b) => stopKyocho(b)));
  // Opening the board creates the expert queues' meta keys under the test prefix.
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  await deleteKeys(redis, env.KYOCHO_PREFIX);
  await redis.quit();
});

async function start(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<{ board: KyochoProcess; port: number }> {
  const board = startKyocho(["dashboard", "--port", "0", ...args], { ...env, ...extra });
  boards.push(board);
  const [, port] = await board.waitForStderr(/dashboard on http:\/\/[^:]+:(\d+)\//);
  return { board, port: Number(port) };
}

const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` });

describe("kyocho dashboard: who can reach it", () => {
  it("binds 127.0.0.1 by default: not reachable on the machine's other addresses", async () => {
    const { board, port } = await start([]);
    expect(board.stderr()).toMatch(/dashboard on http:\/\/127\.0\.0\.1:\d+\//);
    expect((await fetch(`http://127.0.0.1:${port}/api/queues`)).status).toBe(200);
    // Bound to 127.0.0.1 alone, it does not answer on another loopback address (tests send nothing beyond loopback).
    await expect(fetch(`http://127.0.0.2:${port}/api/queues`)).rejects.toThrow();
  }, 20_000);

  it("refuses to bind beyond this machine without credentials, or with a weak password (exit 2, one line)", async () => {
    for (const [extra, message] of [
      [{}, /^kyocho: --host: binding 0\.0\.0\.0 exposes the board .* set KYOCHO_DASHBOARD_USER and KYOCHO_DASHBOARD_PASSWORD/],
      [{ KYOCHO_DASHBOARD_USER: USER, KYOCHO_DASHBOARD_PASSWORD: "short" }, /^kyocho: environment: KYOCHO_DASHBOARD_PASSWORD: must be at least 12 characters$/],
      [{ KYOCHO_DASHBOARD_PASSWORD: PASSWORD }, /^kyocho: environment: KYOCHO_DASHBOARD_USER: /],
    ] as const) {
      const p = startKyocho(["dashboard", "--port", "0", "--host", "0.0.0.0"], { ...env, ...extra });
      expect(await p.exited).toBe(2);
      expect(p.stderr().trim().split("\n")).toHaveLength(1);
      expect(p.stderr().trim()).toMatch(message);
      expect(p.stderr()).not.toContain("short");
    }
  }, 20_000);

  it("bound to 0.0.0.0 with credentials: every page and API call asks for them", async () => {
    const { board, port } = await start(["--host", "0.0.0.0"], { KYOCHO_DASHBOARD_USER: USER, KYOCHO_DASHBOARD_PASSWORD: PASSWORD });
    expect(board.stderr()).toMatch(/basic authentication as risk-ops/);
    expect(board.stderr()).not.toContain(PASSWORD);
    for (const path of ["", "api/queues", "api/redis/stats"]) {
      const url = `http://127.0.0.1:${port}/${path}`;
      const anonymous = await fetch(url);
      expect(anonymous.status, path).toBe(401);
      expect(anonymous.headers.get("www-authenticate")).toMatch(/^Basic /);
      expect((await fetch(url, { headers: basic(USER, "wrong-password-123") })).status, path).toBe(401);
      expect((await fetch(url, { headers: basic(USER, PASSWORD) })).status, path).toBe(200);
    }
  }, 20_000);

  it("on 127.0.0.1 with credentials set, asks for them too", async () => {
    const { port } = await start([], { KYOCHO_DASHBOARD_USER: USER, KYOCHO_DASHBOARD_PASSWORD: PASSWORD });
    expect((await fetch(`http://127.0.0.1:${port}/api/queues`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/api/queues`, { headers: basic(USER, PASSWORD) })).status).toBe(200);
  }, 20_000);
});
