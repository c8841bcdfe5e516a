import { Queue, type QueueOptions } from "bullmq";
import { checkPrefix, DEFAULT_PREFIX, expertQueue, type PrefixScheme } from "./queue-names.js";
import type { RedisClient } from "./redis-topology.js";

/** Options of {@link openExpertQueue}: a connection and a prefix, plus any BullMQ queue option but those two. */
export interface ExpertQueueOptions extends Omit<QueueOptions, "connection" | "prefix"> {
  /** Shared, never closed by the queue: one server, a Sentinel-managed master, or a Redis Cluster. */
  connection: RedisClient;
  /** The kyocho key prefix; default `{kyocho}`. */
  prefix?: string;
  /** How queues are laid out; default `per-expert` (each expert's keys under a hash tag of their own). */
  prefixScheme?: PrefixScheme;
}

/**
 * The BullMQ queue of one expert (`{kyocho:<name>}:<name>`, see
 * {@link expertQueue}), on a shared connection. Close it when done; the
 * connection stays open.
 *
 * @example
 * const queue = openExpertQueue("lending", { connection, prefix: "{kyocho}" });
 * console.log(await queue.getJobCounts());
 * await queue.close();
 */
export function openExpertQueue(expert: string, options: ExpertQueueOptions): Queue {
  const { connection, prefix, prefixScheme, ...rest } = options;
  const address = expertQueue(expert, checkPrefix(prefix ?? DEFAULT_PREFIX, "queue prefix"), prefixScheme);
  const queue = new Queue(address.name, { ...rest, connection, prefix: address.prefix });
  // Errors surface on the calls that failed; an unhandled 'error' event must not crash the process.
  queue.on("error", () => {});
  return queue;
}

/**
 * How many workers consume each expert's queue now (BullMQ finds them by
 * their Redis client names, on every node of a cluster), or `undefined` when
 * the server refuses CLIENT LIST (some managed Redis services do).
 *
 * @example
 * await workerCounts(connection, "{kyocho}", ["lending", "fx"]) // Map { "lending" => 2, "fx" => 0 }
 */
export async function workerCounts(
  connection: RedisClient,
  prefix: string,
  experts: readonly string[],
  prefixScheme?: PrefixScheme,
): Promise<Map<string, number> | undefined> {
  const counts = new Map<string, number>();
  for (const name of experts) {
    const queue = openExpertQueue(name, { connection, prefix, prefixScheme, skipMetasUpdate: true });
    try {
      counts.set(name, await queue.getWorkersCount());
    } catch {
      return undefined;
    } finally {
      await queue.close();
    }
  }
  return counts;
}
