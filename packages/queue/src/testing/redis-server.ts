import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";

/** A private `redis-server` a test can stop and start again. */
export interface TestRedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops the server (SIGKILL: nothing is saved, as after a crash). */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

/**
 * Starts a throw-away `redis-server` (no persistence) on a free port, for
 * tests that must kill or restart Redis without disturbing the shared one.
 * Needs `redis-server` on the PATH.
 *
 * @example
 * const server = await startRedisServer();
 * const connection = createRedisConnection(server.url);
 * await server.kill(); await server.restart();
 * await server.stop();
 */
export async function startRedisServer(options: { binary?: string } = {}): Promise<TestRedisServer> {
  const port = await freePort();
  const binary = options.binary ?? "redis-server";
  let child: ChildProcess | undefined;

  const start = async () => {
    child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    const spawned = child;
    await new Promise<void>((resolve, reject) => {
      spawned.once("error", reject);
      spawned.once("spawn", () => resolve());
    });
    await waitForPing(port, 5_000);
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGKILL");
    });
  };
  await start();
  return { port, url: `redis://127.0.0.1:${port}`, kill, restart: start, stop: kill };
}

async function freePort(): Promise<number> {
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

async function waitForPing(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const probe = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
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
  throw new Error(`redis-server on port ${port} did not answer within ${timeoutMs} ms`);
}
