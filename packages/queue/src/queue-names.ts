import { UserInputError } from "@kyocho/core";

/**
 * The default key prefix (`KYOCHO_PREFIX`). Under the default
 * {@link PrefixScheme} (`per-expert`) its braces are dropped and each expert
 * gets a hash tag of its own (`{kyocho:lending}`); under `shared` it is used
 * as it is, one hash tag for every queue.
 *
 * @example
 * new QueueExecutor({ connection, prefix: process.env.KYOCHO_PREFIX ?? DEFAULT_PREFIX });
 */
export const DEFAULT_PREFIX = "{kyocho}";

/**
 * How expert queues are laid out in Redis (`KYOCHO_PREFIX_SCHEME`):
 *
 * - `per-expert` (the default): each expert's keys share a hash tag of their
 *   own, `{<prefix>:<expert>}:<expert>:…`. BullMQ needs one queue in one
 *   Redis Cluster slot (its scripts touch several keys of the queue at
 *   once); different experts land in different slots, so on a cluster they
 *   spread over the shards.
 * - `shared`: the layout of kyocho before Redis Cluster support,
 *   `<prefix>:expert:<expert>:…` — with the default `{kyocho}` every queue
 *   in one slot, one shard. For draining queues written by an older kyocho
 *   (see the README's migration note); it will go in a later release.
 */
export type PrefixScheme = "per-expert" | "shared";

/** The schemes {@link PrefixScheme} allows, default first. */
export const PREFIX_SCHEMES: readonly PrefixScheme[] = ["per-expert", "shared"];

/**
 * The group every expert queue sits in: what people read (`expert:lending`),
 * and, under the `shared` scheme, part of the keys (`{kyocho}:expert:lending:wait`).
 *
 * @example
 * `${EXPERT_QUEUE_GROUP}:lending` // "expert:lending"
 */
export const EXPERT_QUEUE_GROUP = "expert";

const EXPERT_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * Where an expert's BullMQ queue lives. BullMQ forbids `:` in a queue name
 * and writes its keys as `<BullMQ prefix>:<queue name>:…`; the queue is named
 * after the expert, and the prefix carries the hash tag. Per expert (the
 * default): prefix `{kyocho:lending}`, keys `{kyocho:lending}:lending:wait`,
 * hash tag `kyocho:lending`. Shared: prefix `{kyocho}:expert`, keys
 * `{kyocho}:expert:lending:wait`, hash tag `kyocho`.
 */
export interface ExpertQueueAddress {
  /** The BullMQ queue name: the expert's name. */
  name: string;
  /** The BullMQ `prefix` option. */
  prefix: string;
  /** How people read it (dashboards, logs): `expert:lending`. */
  displayName: string;
  /** The common start of the queue's Redis keys: `{kyocho:lending}:lending`. */
  keyPrefix: string;
  /** What Redis Cluster hashes to find the queue's slot (the text between the first `{` and the next `}`), or the whole key prefix when it has none. */
  hashTag: string;
}

/**
 * The queue address of one expert under a kyocho prefix and scheme.
 *
 * @example
 * expertQueue("lending")                       // { name: "lending", prefix: "{kyocho:lending}", keyPrefix: "{kyocho:lending}:lending", hashTag: "kyocho:lending", … }
 * expertQueue("fx", "{kyocho}", "shared")      // keys under "{kyocho}:expert:fx", hash tag "kyocho"
 */
export function expertQueue(expert: string, prefix: string = DEFAULT_PREFIX, scheme: PrefixScheme = "per-expert"): ExpertQueueAddress {
  if (!EXPERT_NAME.test(expert)) {
    throw new UserInputError("an expert queue is named after an expert: lower-case letters, digits or '-', starting with a letter", {
      source: "expert queue",
      path: expert,
    });
  }
  checkPrefix(prefix);
  const displayName = `${EXPERT_QUEUE_GROUP}:${expert}`;
  if (scheme === "shared") {
    const group = `${prefix}:${EXPERT_QUEUE_GROUP}`;
    const keyPrefix = `${group}:${expert}`;
    return { name: expert, prefix: group, displayName, keyPrefix, hashTag: hashTagOf(keyPrefix) };
  }
  const tag = `${prefixBase(prefix)}:${expert}`;
  return { name: expert, prefix: `{${tag}}`, displayName, keyPrefix: `{${tag}}:${expert}`, hashTag: tag };
}

/**
 * The prefix without the braces a shared-scheme prefix wears (`{kyocho}` →
 * `kyocho`): the start of every per-expert hash tag. A brace anywhere else
 * would end the hash tag early and put every expert in one slot, so it is
 * refused.
 *
 * @example
 * prefixBase("{bank}") // "bank"
 * prefixBase("bank")   // "bank"
 */
export function prefixBase(prefix: string): string {
  const base = /^\{([^{}]+)\}$/.exec(prefix)?.[1] ?? prefix;
  if (/[{}]/.test(base)) {
    throw new UserInputError(`"${prefix}" cannot start per-expert hash tags: no '{' or '}' but one pair around the whole prefix`, { source: "KYOCHO_PREFIX" });
  }
  return base;
}

/**
 * The text Redis Cluster hashes for a key: between the first `{` and the
 * next `}` when that is not empty, else the whole key.
 *
 * @example
 * hashTagOf("{kyocho:fx}:fx:wait") // "kyocho:fx"
 */
export function hashTagOf(key: string): string {
  const open = key.indexOf("{");
  const close = open < 0 ? -1 : key.indexOf("}", open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

/**
 * Checks `KYOCHO_PREFIX_SCHEME`: `per-expert` (default) or `shared`.
 *
 * @example
 * checkPrefixScheme("shared") // "shared"
 */
export function checkPrefixScheme(value: string | undefined, source = "KYOCHO_PREFIX_SCHEME"): PrefixScheme {
  const scheme = value?.trim() || "per-expert";
  if (!(PREFIX_SCHEMES as readonly string[]).includes(scheme)) {
    throw new UserInputError(`"${scheme}" is not a prefix scheme (${PREFIX_SCHEMES.join(" or ")})`, { source });
  }
  return scheme as PrefixScheme;
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
