import type { BaseCheckpointSaver } from "@langchain/langgraph";
import type { AuditSink, Expert, ModelClient, Planner, Policy } from "@kyocho/core";
import { createCouncil, type Council } from "@kyocho/council";
import {
  createRedisClient,
  describeTopology,
  QueueExecutor,
  queueEnv,
  waitForRedis,
  watchConnection,
  workerCounts,
  type ConnectionEvent,
  type QueueEnv,
  type RedisClient,
} from "@kyocho/queue";
import { cliLimits } from "./cli-context.js";

/** A Redis connection opened by a command, with the settings it was opened from. */
export interface QueueContext extends QueueEnv {
  connection: RedisClient;
  /** Where Redis is, for messages, without any secret: the URL with its password hidden, `cluster host:port,…`, `sentinel master "name" via …`. */
  where: string;
  /** Closes the connection: politely (QUIT) if Redis answers within a few seconds, else by dropping it. */
  close(): Promise<void>;
}

/** How long `close` waits for Redis to acknowledge QUIT before dropping the connection. */
const QUIT_TIMEOUT_MS = 2_000;

/**
 * Opens the connection a command uses, from the environment — one server
 * (`REDIS_URL`), a Redis Cluster (`KYOCHO_REDIS_CLUSTER`) or a
 * Sentinel-managed master (`KYOCHO_REDIS_SENTINELS`,
 * `KYOCHO_REDIS_SENTINEL_NAME`), with `KYOCHO_PREFIX` and
 * `KYOCHO_PREFIX_SCHEME` — and checks that Redis answers: an unreachable Redis is one line
 * (`kyocho: cannot reach Redis at …`), not a hang. Later outages are retried
 * with backoff and reported by `log` once each way (lost, restored). The
 * CLI's commands are the only place kyocho creates connections.
 */
export async function openQueueContext(
  role: string,
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => process.stderr.write(`kyocho: ${line}\n`),
): Promise<QueueContext> {
  const settings = queueEnv(env);
  const where = describeTopology(settings.topology);
  const connection = createRedisClient(settings.topology, { name: `kyocho-${role}-${process.pid}` });
  try {
    await waitForRedis(connection, { url: where });
  } catch (error) {
    connection.disconnect();
    throw error;
  }
  const unwatch = watchConnection(connection, (event) => log(describeOutage(event, where)));
  let closed = false;
  return {
    ...settings,
    connection,
    where,
    close: async () => {
      if (closed) return;
      closed = true;
      unwatch();
      // QUIT waits for an answer, which a Redis that has gone away never gives (the client keeps reconnecting).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([connection.quit().catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, QUIT_TIMEOUT_MS)))]);
      clearTimeout(timer);
      // Also after a QUIT that was answered: a Sentinel client's subscriptions to the sentinels (its failover
      // detector) are closed by disconnect only, and would keep the process alive.
      connection.disconnect();
    },
  };
}

/**
 * The reference council (under `policy`) with its sub-tasks sent through the
 * expert queues, and the executor to close when done.
 */
export async function queuedCouncil(
  context: QueueContext,
  resolved: { experts: ReadonlyArray<Expert<any>>; policy: Policy },
  options: {
    resultTimeoutMs?: number;
    planner?: Planner | undefined;
    planning?: "speculative" | "sequential";
    /** The summary model and the audit log, as the in-process council gets them: the same run, so the same assessment. */
    summary?: ModelClient | undefined;
    audit?: AuditSink | undefined;
    /** The store's checkpointer: a queued assessment is a thread like any other, resumable and signable. */
    checkpointer?: BaseCheckpointSaver | undefined;
  } = {},
): Promise<{ council: Council; executor: QueueExecutor }> {
  const limits = cliLimits();
  const executor = new QueueExecutor({
    connection: context.connection,
    prefix: context.prefix,
    prefixScheme: context.prefixScheme,
    retention: context.retention,
    maxJobBytes: limits.maxJobBytes,
    ...(options.resultTimeoutMs !== undefined ? { resultTimeoutMs: options.resultTimeoutMs } : {}),
  });
  const council = createCouncil({
    experts: resolved.experts,
    policy: resolved.policy,
    executor,
    limits,
    ...(options.planner ? { planner: options.planner } : {}),
    ...(options.planning ? { planning: options.planning } : {}),
    summary: options.summary,
    audit: options.audit,
    ...(options.checkpointer ? { checkpointer: options.checkpointer } : {}),
  });
  await executor.open(council.experts.map((e) => e.name));
  return { council, executor };
}

/** Warns on stderr when some experts' queues have no worker (their sub-tasks wait for one). */
export async function warnAboutMissingWorkers(context: QueueContext, experts: readonly string[]): Promise<void> {
  const counts = await workerCounts(context.connection, context.prefix, experts, context.prefixScheme);
  const missing = experts.filter((name) => counts?.get(name) === 0);
  if (missing.length === 0) return;
  process.stderr.write(
    `kyocho: warning: no worker is consuming ${missing.map((m) => `expert:${m}`).join(", ")} on ${context.where} (prefix ${context.prefix}); ` +
      `their sub-tasks wait until one starts (\`kyocho worker\`)\n`,
  );
}

/** One log line for a Redis outage: lost (with the reason; retried with backoff), or restored after so long. */
export function describeOutage(event: ConnectionEvent, where: string): string {
  return event.type === "lost"
    ? `warning: lost the connection to Redis at ${where} (${event.reason}); reconnecting with backoff`
    : `reconnected to Redis at ${where} after ${(event.downMs / 1000).toFixed(1)} s`;
}
