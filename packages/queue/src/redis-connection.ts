import { isIP } from "node:net";
import { Redis, type RedisOptions } from "ioredis";
import type { RedisClient } from "./redis-topology.js";
import { UserInputError } from "@kyocho/core";
import { reconnectDelay } from "./connection-monitor.js";
import { RedisUnavailableError } from "./queue-error.js";

/**
 * The Redis kyocho talks to when `REDIS_URL` is not set.
 *
 * @example
 * createRedisConnection(process.env.REDIS_URL ?? DEFAULT_REDIS_URL);
 */
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

/**
 * ioredis options for a `redis://` or `rediss://` URL: host, port, user,
 * password and database from the URL, TLS for `rediss://`, and
 * `maxRetriesPerRequest: null`, which BullMQ requires of any connection a
 * blocking reader (a worker, a `QueueEvents`) duplicates. Pure: nothing is
 * opened, so a bad URL is refused before any connection is attempted.
 *
 * @example
 * redisOptionsFromUrl("rediss://:s3cret@redis.bank.internal:6380/2")
 * // { host: "redis.bank.internal", port: 6380, password: "s3cret", db: 2, tls: {}, maxRetriesPerRequest: null, … }
 */
export function redisOptionsFromUrl(url: string, source = "REDIS_URL"): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserInputError(`"${redactRedisUrl(url)}" is not a URL (expected redis://[user:password@]host[:port][/db] or rediss://…)`, { source });
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new UserInputError(`unsupported scheme "${parsed.protocol}" (use redis:// or rediss:// for TLS)`, { source });
  }
  if (!parsed.hostname) throw new UserInputError("names no host", { source });
  const dbText = parsed.pathname.replace(/^\//, "");
  const db = dbText === "" ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) throw new UserInputError(`database "${dbText}" is not a non-negative integer`, { source });
  const port = parsed.port ? Number(parsed.port) : 6379;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  return {
    host,
    port,
    db,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    // The certificate is verified against the URL's host (Node's default checks); SNI carries a host name, never an
    // IP address (RFC 6066: Node warns on one), so `rediss://10.0.0.5` is checked against the certificate's IP SAN.
    ...(parsed.protocol === "rediss:" ? { tls: isIP(host) ? {} : { servername: host } } : {}),
    maxRetriesPerRequest: null,
  };
}

/**
 * A Redis URL fit for a log line or an error message: the password is
 * replaced by `***`.
 *
 * @example
 * redactRedisUrl("redis://:s3cret@host:6379") // "redis://:***@host:6379"
 */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    // Only a URL with a host has its credentials where URL puts them; "user:pw@host" parses with none.
    if (parsed.host) {
      if (parsed.password) parsed.password = "***";
      return parsed.toString().replace(/\/$/, "");
    }
  } catch {
    // not a URL: masked below
  }
  // A value that is no usable URL may still hold a password (":pw@host", "user:pw@host"): whatever stands between
  // the scheme and the last "@" is credentials, and only a user name before a ":" is ever shown.
  const at = url.lastIndexOf("@");
  if (at < 0) return url;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0] ?? "";
  const credentials = url.slice(scheme.length, at);
  const colon = credentials.indexOf(":");
  return `${scheme}${colon >= 0 ? `${credentials.slice(0, colon)}:` : ""}***${url.slice(at)}`;
}

/**
 * Opens an ioredis connection for a Redis URL. Only entry points (the CLI,
 * a worker's `main`, the benchmark) call this; libraries take the connection
 * as an option. The connection is lazy — it connects on first use — and
 * reconnects with exponential backoff (see {@link reconnectDelay}) when
 * Redis goes away; {@link watchConnection} reports the outage.
 *
 * @example
 * const connection = createRedisConnection(process.env.REDIS_URL ?? DEFAULT_REDIS_URL, { name: "kyocho-cli" });
 * const executor = new QueueExecutor({ connection });
 */
export function createRedisConnection(url: string = DEFAULT_REDIS_URL, options: { name?: string; source?: string } = {}): Redis {
  const redis = new Redis({
    ...redisOptionsFromUrl(url, options.source),
    lazyConnect: true,
    retryStrategy: reconnectDelay,
    ...(options.name ? { connectionName: options.name } : {}),
  });
  // An unhandled 'error' event would crash the process; the connection keeps retrying and callers see the failure on their commands.
  redis.on("error", () => {});
  return redis;
}

/**
 * Waits until Redis answers a PING, or throws a {@link RedisUnavailableError}
 * naming the server and the last connection error — after `timeoutMs`, or
 * sooner when `attempts` connection attempts in a row failed. Entry points
 * call it first, so an unreachable Redis is one clear line instead of a hang.
 *
 * @example
 * await waitForRedis(connection, { url: redactRedisUrl(url), timeoutMs: 5_000 });
 */
export async function waitForRedis(connection: RedisClient, options: { url?: string; timeoutMs?: number; attempts?: number } = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  // ioredis retries a refused connection after 50, 100, 150 ms…; a few refusals in a row are an answer.
  const attempts = options.attempts ?? 4;
  let lastError: Error | undefined;
  let errors = 0;
  let giveUp: (error: Error) => void = () => {};
  const onError = (error: Error) => {
    lastError = error;
    if (++errors >= attempts) giveUp(error);
  };
  connection.on("error", onError);
  let timer: NodeJS.Timeout | undefined;
  try {
    if (connection.status === "wait") connection.connect().catch(() => {});
    await Promise.race([
      connection.ping(),
      new Promise<never>((_, reject) => {
        giveUp = reject;
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    const reason = connectionErrorReason(lastError ?? (error as Error));
    const where = options.url ?? (connection instanceof Redis ? `${connection.options.host ?? "?"}:${connection.options.port ?? "?"}` : "the Redis Cluster");
    throw new RedisUnavailableError(where, reason, { cause: error });
  } finally {
    clearTimeout(timer);
    connection.off("error", onError);
  }
}

/**
 * The first line of a connection error, with what a cluster client hides: its
 * "Failed to refresh slots cache." says only that no seed answered; the last
 * node's own reply (WRONGPASS, NOAUTH) rides on the error's `lastNodeError`.
 * (A certificate a node's client cannot verify is not passed on by ioredis:
 * the node error is then "Connection is closed.")
 */
function connectionErrorReason(error: Error): string {
  const firstLine = (e: Error) => e.message.split("\n")[0] ?? "";
  const nodeError = (error as Error & { lastNodeError?: unknown }).lastNodeError;
  return nodeError instanceof Error ? `${firstLine(error).replace(/\.$/, "")}: ${firstLine(nodeError)}` : firstLine(error);
}
