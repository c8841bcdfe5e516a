import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { escapeGlob } from "../queue-discovery.js";

/**
 * A key prefix no other test uses: `{kyocho-test-<label>-<uuid>}` (still a
 * hash tag, so it behaves as the real one on a Redis Cluster).
 *
 * @example
 * const prefix = uniquePrefix("executor"); // "{kyocho-test-executor-1b9d…}"
 */
export function uniquePrefix(label = "t"): string {
  return `{kyocho-test-${label}-${randomUUID()}}`;
}

/**
 * Deletes every key under `prefix` (SCAN + UNLINK): what a test's `afterAll`
 * calls, after closing its queues and workers, to leave Redis as it found it.
 *
 * @example
 * afterAll(async () => { await pool.close(); await deleteKeys(connection, prefix); connection.disconnect(); });
 */
export async function deleteKeys(connection: Redis, prefix: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await connection.scan(cursor, "MATCH", `${escapeGlob(prefix)}*`, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) deleted += await connection.unlink(...keys);
  } while (cursor !== "0");
  return deleted;
}
