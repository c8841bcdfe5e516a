import { retentionFromEnv, type JobRetention } from "./job-retention.js";
import { checkPrefix, checkPrefixScheme, DEFAULT_PREFIX, expertQueue, type PrefixScheme } from "./queue-names.js";
import { redisTopologyFromEnv, type RedisTopology } from "./redis-topology.js";

/** What the environment says about the queue: where Redis is, the key prefix, whether to use it by default. */
export interface QueueEnv {
  /** `REDIS_URL`, default `redis://127.0.0.1:6379` (unused when `topology` is a cluster or Sentinel). */
  redisUrl: string;
  /** Where Redis is: one server (`REDIS_URL`), a cluster (`KYOCHO_REDIS_CLUSTER`) or Sentinel (`KYOCHO_REDIS_SENTINELS`). */
  topology: RedisTopology;
  /** `KYOCHO_PREFIX`, default `{kyocho}`. */
  prefix: string;
  /** `KYOCHO_PREFIX_SCHEME`: `per-expert` (default) or `shared`. */
  prefixScheme: PrefixScheme;
  /** `KYOCHO_QUEUE=1` (or `true`/`yes`): `ask` and `batch` go through the queue without `--queue`. */
  useQueue: boolean;
  /** `KYOCHO_KEEP_COMPLETED_SECONDS`, `…_JOBS`, `KYOCHO_KEEP_FAILED_SECONDS`, `…_JOBS`: how long finished jobs stay in Redis. */
  retention: JobRetention;
}

/**
 * Reads and checks the queue settings from the environment. Entry points
 * call this once; nothing below them reads `process.env`.
 *
 * @example
 * const { topology, prefix } = queueEnv(); // throws UserInputError("REDIS_URL: …") for a bad URL
 */
export function queueEnv(env: NodeJS.ProcessEnv = process.env): QueueEnv {
  const topology = redisTopologyFromEnv(env);
  const prefix = checkPrefix(env.KYOCHO_PREFIX?.trim() || DEFAULT_PREFIX, "KYOCHO_PREFIX");
  const prefixScheme = checkPrefixScheme(env.KYOCHO_PREFIX_SCHEME);
  // The per-expert hash tags are built now, so a prefix that cannot carry them is refused before Redis is asked.
  expertQueue("lending", prefix, prefixScheme);
  return {
    redisUrl: topology.kind === "single" ? topology.url : (env.REDIS_URL?.trim() ?? ""),
    topology,
    prefix,
    prefixScheme,
    useQueue: queueRequested(env),
    retention: retentionFromEnv(env),
  };
}

/**
 * True when `KYOCHO_QUEUE` asks for the queue (`1`, `true`, `yes`, `on`),
 * without checking anything else, so a command that does not use the queue
 * never fails on a bad `REDIS_URL`.
 *
 * @example
 * queueRequested({ KYOCHO_QUEUE: "1" }) // true
 */
export function queueRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes|on)$/i.test(env.KYOCHO_QUEUE?.trim() ?? "");
}
