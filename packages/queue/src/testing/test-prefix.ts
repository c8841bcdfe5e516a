import { randomUUID } from "node:crypto";
import { escapeGlob, scanKeys } from "../queue-discovery.js";
import { prefixBase } from "../queue-names.js";
import type { RedisClient } from "../redis-topology.js";

/**
 * A key prefix no other test uses: `{kyocho-test-<label>-<uuid>}` (per
 * expert, its queues' hash tags read `kyocho-test-<label>-<uuid>:<expert>`).
 *
 * @example
 * const prefix = uniquePrefix("executor"); // "{kyocho-test-executor-1b9d…}"
 */
export function uniquePrefix(label = "t"): string {
  return `{kyocho-test-${label}-${randomUUID()}}`;
}

/**
 * Deletes every key under `prefix`, in either layout (`{<prefix>:<expert>}…`
 * and `<prefix>…`), by SCAN + UNLINK on every node that holds data: what a
 * test's `afterAll` calls, after closing its queues and workers, to leave
 * Redis as it found it.
 *
 * @example
 * afterAll(async () => { await pool.close(); await deleteKeys(connection, prefix); connection.disconnect(); });
 */
export async function deleteKeys(connection: RedisClient, prefix: string): Promise<number> {
  const keys = [...(await scanKeys(connection, `${escapeGlob(prefix)}*`)), ...(await scanKeys(connection, `${escapeGlob(`{${prefixBase(prefix)}:`)}*`))];
  let deleted = 0;
  // One key per UNLINK: keys of different slots cannot share a command on a cluster, and the client sends each to its node.
  for (let i = 0; i < keys.length; i += 500) deleted += (await Promise.all(keys.slice(i, i + 500).map((k) => connection.unlink(k)))).reduce((a, b) => a + b, 0);
  return deleted;
}
