import type { RedisClient } from "./redis-topology.js";

/** What {@link watchConnection} reports: the connection went away, or came back. */
export type ConnectionEvent = { type: "lost"; reason: string } | { type: "restored"; downMs: number; attempts: number };

/**
 * Reports a Redis connection's outages: one `lost` event when it drops and
 * starts reconnecting (with the reason), one `restored` event when it is
 * ready again (with how long it was down) — however many reconnection
 * attempts lie between, so a Redis restart is two log lines, not a screenful.
 * A connection closed on purpose (`quit`) does not reconnect and is not
 * reported. Returns a function that stops watching.
 *
 * @example
 * const stop = watchConnection(connection, (e) =>
 *   console.error(e.type === "lost" ? `lost Redis (${e.reason}); reconnecting` : `Redis back after ${e.downMs} ms`));
 */
export function watchConnection(connection: RedisClient, onEvent: (event: ConnectionEvent) => void): () => void {
  let lostAt: number | undefined;
  let attempts = 0;
  let lastError: string | undefined;
  const onError = (error: Error) => {
    lastError = (error.message.split("\n")[0] ?? "").trim() || error.name;
  };
  const onReconnecting = () => {
    attempts++;
    if (lostAt !== undefined) return;
    lostAt = Date.now();
    onEvent({ type: "lost", reason: lastError ?? "connection closed" });
  };
  const onReady = () => {
    if (lostAt === undefined) return;
    const downMs = Date.now() - lostAt;
    lostAt = undefined;
    lastError = undefined;
    onEvent({ type: "restored", downMs, attempts });
    attempts = 0;
  };
  connection.on("error", onError);
  connection.on("reconnecting", onReconnecting);
  connection.on("ready", onReady);
  return () => {
    connection.off("error", onError);
    connection.off("reconnecting", onReconnecting);
    connection.off("ready", onReady);
  };
}

/**
 * True for the errors a client reports while Redis is unreachable or
 * restarting (refused or reset connections, a closed stream, a server still
 * loading its data): the connection retries them by itself, so a log shows
 * {@link watchConnection}'s one line instead of each of them.
 *
 * @example
 * isConnectionError("connect ECONNREFUSED 127.0.0.1:6379") // true
 * isConnectionError("Missing lock for job a-1@fx. moveToFinished") // false
 */
export function isConnectionError(message: string): boolean {
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND|Connection is closed|Stream isn't writeable|socket (hang up|closed)|^LOADING\b|MaxRetriesPerRequestError|All sentinels are unreachable|^CLUSTERDOWN\b|^TRYAGAIN\b|Failed to refresh slots cache|None of startup nodes is available/i.test(
    message,
  );
}

/**
 * The delay before reconnection attempt `attempt` (1, 2, …): exponential
 * from 50 ms, capped at 2 s, with ±20% jitter so that many clients do not
 * knock on a restarting Redis in step.
 *
 * @example
 * reconnectDelay(1) // ≈ 50
 * reconnectDelay(10) // ≈ 2000
 */
export function reconnectDelay(attempt: number): number {
  const base = Math.min(50 * 2 ** Math.max(0, attempt - 1), 2_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
