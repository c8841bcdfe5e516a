import { EXPERT_QUEUE_GROUP, prefixBase, type PrefixScheme } from "./queue-names.js";
import { dataNodes, type RedisClient } from "./redis-topology.js";

const EXPERT_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * The names of the expert queues that exist in Redis under `prefix`, found
 * by their BullMQ `meta` keys (`{kyocho:<name>}:<name>:meta`, or
 * `{kyocho}:expert:<name>:meta` under the `shared` scheme), sorted. Used by
 * the dashboard to show the queues of experts the caller does not know (a
 * bank's own `esg` expert). SCAN, not KEYS, so a large Redis is not blocked;
 * on a cluster, every master is scanned.
 *
 * @example
 * await discoverExpertQueues(connection, "{kyocho}") // ["fx", "legal", "lending", "markets"]
 */
export async function discoverExpertQueues(connection: RedisClient, prefix: string, scheme: PrefixScheme = "per-expert"): Promise<string[]> {
  const names = new Set<string>();
  if (scheme === "shared") {
    const start = `${prefix}:${EXPERT_QUEUE_GROUP}:`;
    for (const key of await scanKeys(connection, `${escapeGlob(start)}*:meta`)) {
      const name = key.slice(start.length, -":meta".length);
      if (EXPERT_NAME.test(name)) names.add(name);
    }
  } else {
    const base = prefixBase(prefix);
    const start = `{${base}:`;
    for (const key of await scanKeys(connection, `${escapeGlob(start)}*}:*:meta`)) {
      // {base:NAME}:NAME:meta — the queue's name repeats the hash tag's.
      const name = key.slice(start.length, key.indexOf("}", start.length));
      if (EXPERT_NAME.test(name) && key === `${start}${name}}:${name}:meta`) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * Every key matching a glob `pattern`, by SCAN on each node that holds data
 * (each master of a cluster).
 *
 * @example
 * await scanKeys(connection, "\\{kyocho:*") // ["{kyocho:fx}:fx:meta", …]
 */
export async function scanKeys(connection: RedisClient, pattern: string): Promise<string[]> {
  const found: string[] = [];
  for (const node of dataNodes(connection)) {
    let cursor = "0";
    do {
      const [next, keys] = await node.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      found.push(...keys);
    } while (cursor !== "0");
  }
  return found;
}

/**
 * Escapes Redis glob characters, so a prefix like `{kyocho}` or `a*b` matches itself only.
 *
 * @example
 * escapeGlob("{kyocho}:a*b") // "{kyocho}:a\\*b"
 */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
