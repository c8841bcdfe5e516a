import type { Redis } from "ioredis";
import { EXPERT_QUEUE_GROUP } from "./queue-names.js";

/**
 * The names of the expert queues that exist in Redis under `prefix`, found
 * by their BullMQ `meta` keys (`{kyocho}:expert:<name>:meta`), sorted. Used
 * by the dashboard to show the queues of experts the caller does not know
 * (a bank's own `esg` expert). SCAN, not KEYS, so a large Redis is not
 * blocked.
 *
 * @example
 * await discoverExpertQueues(connection, "{kyocho}") // ["fx", "legal", "lending", "markets"]
 */
export async function discoverExpertQueues(connection: Redis, prefix: string): Promise<string[]> {
  const start = `${prefix}:${EXPERT_QUEUE_GROUP}:`;
  const pattern = `${escapeGlob(start)}*:meta`;
  const names = new Set<string>();
  let cursor = "0";
  do {
    const [next, keys] = await connection.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    for (const key of keys) {
      const name = key.slice(start.length, -":meta".length);
      if (/^[a-z][a-z0-9-]{0,31}$/.test(name)) names.add(name);
    }
  } while (cursor !== "0");
  return [...names].sort();
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
