import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { Redis, type RedisOptions } from "ioredis";

/** A free TCP port on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Waits until the server answers PING (a server loading its append-only file answers LOADING until it is done). */
export async function waitForPing(options: RedisOptions, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const probe = new Redis({ ...options, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => {});
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      probe.disconnect();
    }
  }
  throw new Error(`redis-server on port ${options.port} did not answer within ${timeoutMs} ms`);
}

/**
 * A free port whose Redis Cluster bus port (port + 10000) is free too: a
 * cluster node listens on both.
 */
export async function freeClusterPort(taken: ReadonlySet<number> = new Set()): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const port = await freePort();
    if (port + 10_000 > 65_535 || taken.has(port) || taken.has(port + 10_000)) continue;
    if (await portIsFree(port + 10_000)) return port;
  }
  throw new Error("found no free port pair (port, port + 10000) for a Redis Cluster node");
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A spawned Redis process (server or sentinel), started once it is running. */
export async function spawnRedisProcess(binary: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(binary, args, { stdio: "ignore" });
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("spawn", () => resolve());
  });
  return child;
}

/** Stops a spawned process with SIGKILL (a crash) and waits for it to be gone. */
export async function killProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/**
 * Polls `check` every 50 ms until it returns a value other than `undefined`
 * (errors count as "not yet"), or throws after `timeoutMs` with `what` and
 * the last error: how tests wait on a condition (a role change, a cluster
 * state) rather than on a sleep.
 */
export async function waitUntil<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ""}`);
}

/** Runs one command on a throw-away connection to 127.0.0.1:port and returns its reply. */
export async function askNode(port: number, args: [string, ...Array<string | number>], options: RedisOptions = {}): Promise<unknown> {
  const client = new Redis({
    host: "127.0.0.1",
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1_000,
    ...options,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return await client.call(...args);
  } finally {
    client.disconnect();
  }
}

/** A certificate and key for 127.0.0.1 and the CA that signed them: what a test server serves TLS with. */
export interface TestRedisTls {
  certFile: string;
  keyFile: string;
  caFile: string;
}

/**
 * `redis-server`/`redis-sentinel` arguments that serve TLS only on `port`
 * (`--port 0`: no plain-text port), without asking clients for certificates;
 * with `peers`, replication and the cluster bus go over TLS too.
 */
export function tlsServerArgs(tls: TestRedisTls, port: number, peers: { cluster?: boolean; replication?: boolean } = {}): string[] {
  return [
    "--port",
    "0",
    "--tls-port",
    String(port),
    "--tls-cert-file",
    tls.certFile,
    "--tls-key-file",
    tls.keyFile,
    "--tls-ca-cert-file",
    tls.caFile,
    "--tls-auth-clients",
    "no",
    ...(peers.replication ? ["--tls-replication", "yes"] : []),
    ...(peers.cluster ? ["--tls-cluster", "yes"] : []),
  ];
}

/** ioredis options of a test's own probes to a TLS server: trust the test CA explicitly. */
export function tlsClientOptions(tls: TestRedisTls | undefined): RedisOptions {
  return tls ? { tls: { ca: readFileSync(tls.caFile) } } : {};
}
