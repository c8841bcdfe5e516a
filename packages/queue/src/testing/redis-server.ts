import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RedisOptions } from "ioredis";
import { freePort, waitForPing } from "./redis-process.js";

/** A private `redis-server` a test can stop and start again. */
export interface TestRedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:PORT` (`rediss://…` with TLS), without credentials. */
  readonly url: string;
  /** The folder it persists to (with `appendOnly`). */
  readonly dir: string | undefined;
  /** Stops the server with SIGKILL, as a crash would: only what the append-only file already holds survives. */
  kill(): Promise<void>;
  /** Starts it again on the same port: empty, or with what its append-only file holds. */
  restart(): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

/** Options of {@link startRedisServer}. */
export interface TestRedisServerOptions {
  binary?: string;
  /**
   * Persist every write to an append-only file (`appendonly yes`) in `dir`,
   * so a restart finds the data again; `fsync` as Redis's `appendfsync`
   * (default `everysec`, Redis's own default: a crash may lose the last second).
   */
  appendOnly?: boolean | { fsync?: "always" | "everysec" | "no" };
  /** Where the append-only file goes; default a new temporary folder. */
  dir?: string;
  /** `requirepass`: the default user's password. */
  password?: string;
  /** ACL users, one rule string each (`"kyocho on >secret ~{kyocho}* &* +@all -@dangerous +info"`). */
  users?: string[];
  /** Serve TLS only (`rediss://`), with this certificate (for 127.0.0.1) and key; clients are not asked for certificates. */
  tls?: { certFile: string; keyFile: string; caFile: string };
}

/**
 * Starts a throw-away `redis-server` on a free port, for tests that must
 * kill or restart Redis, or need a password, ACL users, persistence or TLS,
 * without disturbing the shared one. Needs `redis-server` on the PATH (and
 * built with TLS for `tls`).
 *
 * @example
 * const server = await startRedisServer({ appendOnly: true, password: "s3cret" });
 * const connection = createRedisConnection(`redis://:s3cret@127.0.0.1:${server.port}`);
 * await server.kill(); await server.restart(); // the data is back
 * await server.stop();
 */
export async function startRedisServer(options: TestRedisServerOptions = {}): Promise<TestRedisServer> {
  const port = await freePort();
  const binary = options.binary ?? "redis-server";
  const dir = options.appendOnly ? (options.dir ?? mkdtempSync(join(tmpdir(), "kyocho-redis-"))) : undefined;
  const fsync = typeof options.appendOnly === "object" ? (options.appendOnly.fsync ?? "everysec") : "everysec";
  const args = [
    ...(options.tls
      ? [
          "--port",
          "0",
          "--tls-port",
          String(port),
          "--tls-cert-file",
          options.tls.certFile,
          "--tls-key-file",
          options.tls.keyFile,
          "--tls-ca-cert-file",
          options.tls.caFile,
          "--tls-auth-clients",
          "no",
        ]
      : ["--port", String(port)]),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    ...(dir ? ["--appendonly", "yes", "--appendfsync", fsync, "--dir", dir] : ["--appendonly", "no"]),
    ...(options.password !== undefined ? ["--requirepass", options.password] : []),
    ...(options.users ?? []).flatMap((rule) => ["--user", ...rule.split(/\s+/)]),
  ];
  const probe: RedisOptions = {
    port,
    host: "127.0.0.1",
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.tls ? { tls: { ca: readFileSync(options.tls.caFile) } } : {}),
  };
  let child: ChildProcess | undefined;

  const start = async () => {
    child = spawn(binary, args, { stdio: "ignore" });
    const spawned = child;
    await new Promise<void>((resolve, reject) => {
      spawned.once("error", reject);
      spawned.once("spawn", () => resolve());
    });
    await waitForPing(probe, 10_000);
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
  return { port, url: `${options.tls ? "rediss" : "redis"}://${probe.host}:${port}`, dir, kill, restart: start, stop: kill };
}
