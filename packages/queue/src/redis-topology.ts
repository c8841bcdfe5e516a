import { isIP } from "node:net";
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from "ioredis";
import { UserInputError } from "@kyocho/core";
import { reconnectDelay } from "./connection-monitor.js";
import { DEFAULT_REDIS_URL, redactRedisUrl, redisOptionsFromUrl } from "./redis-connection.js";

/** A connection kyocho's queues run on: one Redis server (possibly found through Sentinel) or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/** One `host:port` of a cluster seed list or a Sentinel set. */
export interface RedisNodeAddress {
  host: string;
  port: number;
}

/** Credentials and TLS for the servers that hold the data (every cluster node, the Sentinel master). */
export interface RedisAuth {
  username?: string;
  password?: string;
  /**
   * TLS; the certificate is verified against the node's host name (or IP) and
   * Node's trusted CAs, to which `NODE_EXTRA_CA_CERTS=/path/ca.pem` adds a
   * bank's own CA, as for `rediss://`.
   */
  tls?: boolean;
}

/**
 * Where kyocho's Redis is, as the environment describes it (see
 * {@link redisTopologyFromEnv}):
 *
 * - `single`: one server, `REDIS_URL` (`redis://[user:password@]host[:port][/db]`, `rediss://` for TLS);
 * - `cluster`: a Redis Cluster, `KYOCHO_REDIS_CLUSTER=host:port,host:port,…` (seed nodes; the rest are found);
 * - `sentinel`: a master watched by Sentinel, `KYOCHO_REDIS_SENTINELS=host:port,…` and `KYOCHO_REDIS_SENTINEL_NAME`.
 */
export type RedisTopology =
  | { kind: "single"; url: string }
  | { kind: "cluster"; nodes: RedisNodeAddress[]; auth: RedisAuth }
  | { kind: "sentinel"; sentinels: RedisNodeAddress[]; name: string; auth: RedisAuth; sentinelAuth: RedisAuth; db: number };

/**
 * Reads the Redis topology from the environment. `REDIS_URL`,
 * `KYOCHO_REDIS_CLUSTER` and `KYOCHO_REDIS_SENTINELS` exclude each other.
 * For a cluster or Sentinel, the data nodes' credentials and TLS come from
 * `KYOCHO_REDIS_USERNAME`, `KYOCHO_REDIS_PASSWORD`, `KYOCHO_REDIS_TLS=1`
 * (and `KYOCHO_REDIS_DB` for Sentinel); the sentinels' own from
 * `KYOCHO_REDIS_SENTINEL_USERNAME`, `KYOCHO_REDIS_SENTINEL_PASSWORD`,
 * `KYOCHO_REDIS_SENTINEL_TLS=1`. Secrets stay out of the node lists, which
 * are shown in logs. Pure: nothing is opened.
 *
 * @example
 * redisTopologyFromEnv({ KYOCHO_REDIS_CLUSTER: "10.0.0.1:7000,10.0.0.2:7000", KYOCHO_REDIS_PASSWORD: "s3cret" })
 * // { kind: "cluster", nodes: [{ host: "10.0.0.1", port: 7000 }, …], auth: { password: "s3cret" } }
 */
export function redisTopologyFromEnv(env: NodeJS.ProcessEnv = process.env): RedisTopology {
  const url = env.REDIS_URL?.trim();
  const cluster = env.KYOCHO_REDIS_CLUSTER?.trim();
  const sentinels = env.KYOCHO_REDIS_SENTINELS?.trim();
  const given = [url && "REDIS_URL", cluster && "KYOCHO_REDIS_CLUSTER", sentinels && "KYOCHO_REDIS_SENTINELS"].filter(Boolean);
  if (given.length > 1)
    throw new UserInputError(`set one of ${given.join(", ")}, not several: they name different Redis topologies`, { source: "environment" });
  const auth = authFromEnv(env, "KYOCHO_REDIS");
  if (cluster) return { kind: "cluster", nodes: parseNodeList(cluster, "KYOCHO_REDIS_CLUSTER"), auth };
  if (sentinels) {
    const name = env.KYOCHO_REDIS_SENTINEL_NAME?.trim();
    if (!name)
      throw new UserInputError("names no master: set the name the sentinels monitor (sentinel monitor <name> …)", { source: "KYOCHO_REDIS_SENTINEL_NAME" });
    const dbText = env.KYOCHO_REDIS_DB?.trim() || "0";
    const db = Number(dbText);
    if (!Number.isInteger(db) || db < 0) throw new UserInputError(`"${dbText}" is not a non-negative integer`, { source: "KYOCHO_REDIS_DB" });
    return {
      kind: "sentinel",
      sentinels: parseNodeList(sentinels, "KYOCHO_REDIS_SENTINELS"),
      name,
      auth,
      sentinelAuth: authFromEnv(env, "KYOCHO_REDIS_SENTINEL"),
      db,
    };
  }
  const single = url || DEFAULT_REDIS_URL;
  redisOptionsFromUrl(single, "REDIS_URL");
  return { kind: "single", url: single };
}

/**
 * The topology in one line for logs and errors, without any secret:
 * `redis://:***@host:6379`, `cluster 10.0.0.1:7000,10.0.0.2:7000`,
 * `sentinel master "kyocho" via 10.0.0.1:26379,…`.
 *
 * @example
 * describeTopology({ kind: "single", url: "redis://:pw@r:6379" }) // "redis://:***@r:6379"
 */
export function describeTopology(topology: RedisTopology): string {
  const list = (nodes: RedisNodeAddress[]) => nodes.map(formatNode).join(",");
  const tls = (auth: RedisAuth) => (auth.tls ? " (TLS)" : "");
  switch (topology.kind) {
    case "single":
      return redactRedisUrl(topology.url);
    case "cluster":
      return `cluster ${list(topology.nodes)}${tls(topology.auth)}`;
    case "sentinel":
      return `sentinel master "${topology.name}" via ${list(topology.sentinels)}${tls(topology.auth)}`;
  }
}

/**
 * Opens a lazy client for a topology, with what BullMQ needs of it
 * (`maxRetriesPerRequest: null`, so blocking readers wait through an outage)
 * and the reconnection backoff of {@link reconnectDelay}. A cluster client
 * follows MOVED/ASK redirections and refreshes its slot map when a replica
 * is promoted; a Sentinel client asks the sentinels for the master on each
 * reconnection, so a failover is a reconnection (a master that dies, or is
 * demoted, drops its clients). No failover detector: its subscriptions to
 * the sentinels are connections of their own, which a finished command would
 * have to close one by one (BullMQ duplicates the client for each blocking
 * reader). Only entry points call it.
 *
 * @example
 * const connection = createRedisClient(redisTopologyFromEnv(), { name: "kyocho-worker" });
 * await waitForRedis(connection, { url: describeTopology(topology) });
 */
export function createRedisClient(topology: RedisTopology, options: { name?: string } = {}): RedisClient {
  const common = { lazyConnect: true, ...(options.name ? { connectionName: options.name } : {}) };
  let client: RedisClient;
  switch (topology.kind) {
    case "single":
      client = new Redis({ ...redisOptionsFromUrl(topology.url), ...common, retryStrategy: reconnectDelay });
      break;
    case "cluster":
      client = new Cluster(
        topology.nodes.map((n) => ({ ...n })),
        clusterOptions(topology.auth, options.name),
      );
      break;
    case "sentinel":
      client = new Redis({
        sentinels: topology.sentinels.map((n) => ({ ...n })),
        name: topology.name,
        db: topology.db,
        ...authOptions(topology.auth),
        ...(topology.sentinelAuth.username ? { sentinelUsername: topology.sentinelAuth.username } : {}),
        ...(topology.sentinelAuth.password ? { sentinelPassword: topology.sentinelAuth.password } : {}),
        // ioredis speaks TLS to the master only with enableTLSForSentinelMode; sentinelTLS is for the sentinels alone.
        ...(topology.auth.tls ? { enableTLSForSentinelMode: true } : {}),
        ...(topology.sentinelAuth.tls ? { sentinelTLS: {} } : {}),
        ...common,
        maxRetriesPerRequest: null,
        retryStrategy: reconnectDelay,
        sentinelRetryStrategy: reconnectDelay,
      });
      break;
  }
  // An unhandled 'error' event would crash the process; the client keeps retrying and callers see failures on their commands.
  client.on("error", () => {});
  return client;
}

/**
 * The nodes that hold data: every master of a cluster (what SCAN and
 * CLIENT LIST must visit one by one), or the client itself.
 *
 * @example
 * for (const node of dataNodes(connection)) keys.push(...(await node.scan("0", "MATCH", "x*"))[1]);
 */
export function dataNodes(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes("master") : [client];
}

function clusterOptions(auth: RedisAuth, name: string | undefined): ClusterOptions {
  return {
    lazyConnect: true,
    clusterRetryStrategy: reconnectDelay,
    enableReadyCheck: true,
    // While a master is down and before its replica is promoted, commands for its slots wait and are retried.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
    retryDelayOnTryAgain: 200,
    retryDelayOnMoved: 50,
    maxRedirections: 64,
    slotsRefreshTimeout: 2_000,
    // Node addresses as the cluster announces them may not be the seeds' host names: the certificate check uses each node's own.
    redisOptions: {
      ...authOptions(auth),
      maxRetriesPerRequest: null,
      ...(name ? { connectionName: name } : {}),
    },
  };
}

function authOptions(auth: RedisAuth): RedisOptions {
  return {
    ...(auth.username ? { username: auth.username } : {}),
    ...(auth.password ? { password: auth.password } : {}),
    ...(auth.tls ? { tls: {} } : {}),
  };
}

function authFromEnv(env: NodeJS.ProcessEnv, stem: string): RedisAuth {
  const tlsText = env[`${stem}_TLS`]?.trim() ?? "";
  if (tlsText !== "" && !/^(1|true|yes|on|0|false|no|off)$/i.test(tlsText)) {
    throw new UserInputError(`"${tlsText}" is not 1 or 0`, { source: `${stem}_TLS` });
  }
  const username = env[`${stem}_USERNAME`]?.trim();
  const password = env[`${stem}_PASSWORD`];
  return {
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    ...(/^(1|true|yes|on)$/i.test(tlsText) ? { tls: true } : {}),
  };
}

/**
 * Parses `host:port,host:port,…` (IPv6 as `[::1]:7000`).
 *
 * @example
 * parseNodeList("10.0.0.1:7000, [::1]:7001", "KYOCHO_REDIS_CLUSTER") // [{ host: "10.0.0.1", port: 7000 }, { host: "::1", port: 7001 }]
 */
export function parseNodeList(text: string, source: string): RedisNodeAddress[] {
  const entries = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new UserInputError("names no node (expected host:port,host:port,…)", { source });
  return entries.map((entry) => {
    if (entry.includes("@") || entry.includes("://")) {
      throw new UserInputError(`"${redactRedisUrl(entry)}" is not host:port (credentials go in KYOCHO_REDIS_PASSWORD, TLS in KYOCHO_REDIS_TLS=1)`, { source });
    }
    const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(entry);
    const host = match?.[1] ?? match?.[2];
    const port = Number(match?.[3]);
    if (!host || !(port > 0 && port < 65536) || (match?.[1] !== undefined && isIP(host) !== 6)) {
      throw new UserInputError(`"${entry}" is not host:port`, { source });
    }
    return { host, port };
  });
}

function formatNode(node: RedisNodeAddress): string {
  return `${node.host.includes(":") ? `[${node.host}]` : node.host}:${node.port}`;
}
