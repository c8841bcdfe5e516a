import { clusterSlot } from "./cluster-slot.js";
import { Cluster } from "ioredis";
import { expertQueue, type PrefixScheme } from "./queue-names.js";
import type { RedisClient } from "./redis-topology.js";

/** Where one expert's queue lives: its hash tag, its Redis Cluster slot, and the server that holds that slot. */
export interface QueuePlacement {
  expert: string;
  /** `expert:lending`. */
  queue: string;
  /** The common start of the queue's keys, `{kyocho:lending}:lending`. */
  keyPrefix: string;
  hashTag: string;
  /** The cluster slot (0–16383) of every key of the queue; on a single server, the slot it would have on a cluster. */
  slot: number;
  /** `host:port` of the master serving the slot (on a single server or Sentinel: the server the client is connected to). */
  node: string;
}

/**
 * Where each expert's queue is served: the slot of its hash tag and, on a
 * cluster, the master that holds the slot now (as `CLUSTER SLOTS` says,
 * asked afresh, so a promoted replica shows). What `kyocho queues` prints,
 * to check that experts are spread over the shards.
 *
 * @example
 * await expertQueuePlacement(connection, "{kyocho}", ["lending", "fx"])
 * // [{ expert: "fx", slot: 2921, node: "10.0.0.1:7000", … }, { expert: "lending", slot: 14733, node: "10.0.0.3:7000", … }]
 */
export async function expertQueuePlacement(
  connection: RedisClient,
  prefix: string,
  experts: readonly string[],
  scheme: PrefixScheme = "per-expert",
): Promise<QueuePlacement[]> {
  const owners = connection instanceof Cluster ? await slotOwners(connection) : undefined;
  const single = connection instanceof Cluster ? "" : await serverAddress(connection);
  return experts.map((expert) => {
    const address = expertQueue(expert, prefix, scheme);
    const slot = clusterSlot(address.keyPrefix);
    const node = owners ? (owners.find(([from, to]) => slot >= from && slot <= to)?.[2] ?? "(no node: slot not served)") : single;
    return { expert, queue: address.displayName, keyPrefix: address.keyPrefix, hashTag: address.hashTag, slot, node };
  });
}

async function slotOwners(cluster: Cluster): Promise<Array<[number, number, string]>> {
  const ranges = await cluster.cluster("SLOTS");
  // The first node of each range is the master that serves it.
  return ranges.map(([from, to, master]) => [from, to, master ? `${master[0]}:${master[1]}` : "?"]);
}

async function serverAddress(connection: Exclude<RedisClient, Cluster>): Promise<string> {
  // A Sentinel client's options name the sentinels, not the master: the live stream knows where it is connected.
  const stream = (connection as unknown as { stream?: { remoteAddress?: string; remotePort?: number } }).stream;
  if (stream?.remoteAddress && stream.remotePort) return `${stream.remoteAddress}:${stream.remotePort}`;
  return `${connection.options.host ?? "?"}:${connection.options.port ?? "?"}`;
}
