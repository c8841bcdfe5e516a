import { UserInputError } from "@kyocho/core";

/**
 * The default key prefix: a Redis Cluster hash tag, so every kyocho key lands in one slot.
 *
 * @example
 * new QueueExecutor({ connection, prefix: process.env.KYOCHO_PREFIX ?? DEFAULT_PREFIX });
 */
export const DEFAULT_PREFIX = "{kyocho}";

/**
 * The group every expert queue sits in: keys read `{kyocho}:expert:<name>:…`.
 *
 * @example
 * `${DEFAULT_PREFIX}:${EXPERT_QUEUE_GROUP}:lending:wait` // "{kyocho}:expert:lending:wait"
 */
export const EXPERT_QUEUE_GROUP = "expert";

const EXPERT_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * Where an expert's BullMQ queue lives. BullMQ forbids `:` in a queue name, so
 * the `expert:` part of the address is carried by the BullMQ prefix: the queue
 * is named `lending` under the prefix `{kyocho}:expert`, and its keys read
 * `{kyocho}:expert:lending:wait`, `{kyocho}:expert:lending:<job id>`, …
 */
export interface ExpertQueueAddress {
  /** The BullMQ queue name: the expert's name. */
  name: string;
  /** The BullMQ `prefix` option: `<kyocho prefix>:expert`. */
  prefix: string;
  /** How people read it (dashboards, logs): `expert:lending`. */
  displayName: string;
  /** The common start of the queue's Redis keys: `{kyocho}:expert:lending`. */
  keyPrefix: string;
}

/**
 * The queue address of one expert under a kyocho prefix.
 *
 * @example
 * expertQueue("lending")              // { name: "lending", prefix: "{kyocho}:expert", displayName: "expert:lending", keyPrefix: "{kyocho}:expert:lending" }
 * expertQueue("fx", "{kyocho-test}")  // keys under "{kyocho-test}:expert:fx"
 */
export function expertQueue(expert: string, prefix: string = DEFAULT_PREFIX): ExpertQueueAddress {
  if (!EXPERT_NAME.test(expert)) {
    throw new UserInputError("an expert queue is named after an expert: lower-case letters, digits or '-', starting with a letter", {
      source: "expert queue",
      path: expert,
    });
  }
  const group = `${checkPrefix(prefix)}:${EXPERT_QUEUE_GROUP}`;
  return { name: expert, prefix: group, displayName: `${EXPERT_QUEUE_GROUP}:${expert}`, keyPrefix: `${group}:${expert}` };
}

/**
 * Checks a kyocho key prefix (`KYOCHO_PREFIX`): non-empty, no spaces, no
 * trailing `:` (kyocho adds the separators). Returns it unchanged.
 *
 * @example
 * checkPrefix("{kyocho}") // "{kyocho}"
 * checkPrefix("a b")      // throws UserInputError
 */
export function checkPrefix(prefix: string, source = "KYOCHO_PREFIX"): string {
  if (prefix.length === 0 || prefix.length > 100 || /\s/.test(prefix) || prefix.endsWith(":")) {
    throw new UserInputError(`"${prefix}" is not a key prefix: 1-100 characters, no spaces, not ending in ':'`, { source });
  }
  return prefix;
}
