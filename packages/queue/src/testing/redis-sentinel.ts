import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  askNode,
  freePort,
  killProcess,
  spawnRedisProcess,
  tlsClientOptions,
  tlsServerArgs,
  waitForPing,
  waitUntil,
  type TestRedisTls,
} from "./redis-process.js";

/** A private master, its replicas and the sentinels watching them. */
export interface TestRedisSentinel {
  /** The name the sentinels monitor: what `KYOCHO_REDIS_SENTINEL_NAME` takes. */
  readonly name: string;
  /** `127.0.0.1:PORT,…` of the sentinels: what `KYOCHO_REDIS_SENTINELS` takes. */
  readonly sentinels: string;
  /** The port of the master now, as the sentinels say (SENTINEL get-master-addr-by-name). */
  master(): Promise<number>;
  /**
   * Kills the master with SIGKILL and waits until the sentinels name one of
   * its replicas as master and that replica says `role:master`. Returns the
   * new master's port.
   */
  killMaster(): Promise<number>;
  stop(): Promise<void>;
}

/** Options of {@link startRedisSentinel}. */
export interface TestRedisSentinelOptions {
  /** Replicas of the master; default 1. */
  replicas?: number;
  /** Sentinels; default 3 (quorum 2). */
  sentinels?: number;
  /** `down-after-milliseconds`: how long a silent master takes to be declared down; default 1000 ms. */
  downAfterMs?: number;
  /** `requirepass`/`masterauth` on the data nodes (and `auth-pass` for the sentinels to reach them). */
  password?: string;
  /** The monitored name; default `kyocho`. */
  name?: string;
  /** ACL users on the data nodes, one rule string each; the sentinels and replicas use the default user's `password`. */
  users?: string[];
  /** `requirepass` on the sentinels: what `KYOCHO_REDIS_SENTINEL_PASSWORD` takes. */
  sentinelPassword?: string;
  /** Serve TLS only, on data nodes (replication too) and sentinels (which then reach the data nodes over TLS). */
  tls?: TestRedisTls;
}

/**
 * Starts one master, `replicas` replicas and `sentinels` sentinels
 * (`redis-server`, `redis-sentinel`) on free ports, and waits until every
 * replica is in sync and every sentinel knows the replicas and the other
 * sentinels (so that a failover can be agreed at once). Needs
 * `redis-server` and `redis-sentinel` on the PATH.
 *
 * @example
 * const set = await startRedisSentinel();
 * const env = { KYOCHO_REDIS_SENTINELS: set.sentinels, KYOCHO_REDIS_SENTINEL_NAME: set.name };
 * const newMaster = await set.killMaster();
 * await set.stop();
 */
export async function startRedisSentinel(options: TestRedisSentinelOptions = {}): Promise<TestRedisSentinel> {
  const name = options.name ?? "kyocho";
  const replicaCount = options.replicas ?? 1;
  const sentinelCount = options.sentinels ?? 3;
  const quorum = Math.floor(sentinelCount / 2) + 1;
  const dir = mkdtempSync(join(tmpdir(), "kyocho-redis-sentinel-"));
  const auth = { ...(options.password !== undefined ? { password: options.password } : {}), ...tlsClientOptions(options.tls) };
  const sentinelAuth = {
    ...(options.sentinelPassword !== undefined ? { password: options.sentinelPassword } : {}),
    ...tlsClientOptions(options.tls),
  };
  const children: ChildProcess[] = [];
  const byPort = new Map<number, ChildProcess>();
  const stop = async () => {
    await Promise.all(children.map((c) => killProcess(c)));
    rmSync(dir, { recursive: true, force: true });
  };
  const ports = new Set<number>();
  const nextPort = async () => {
    for (;;) {
      const port = await freePort();
      if (!ports.has(port)) return (ports.add(port), port);
    }
  };
  const serverArgs = (port: number) => [
    ...(options.tls ? tlsServerArgs(options.tls, port, { replication: true }) : ["--port", String(port)]),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--dbfilename",
    `dump-${port}.rdb`,
    "--save",
    "",
    "--appendonly",
    "no",
    ...(options.password !== undefined ? ["--requirepass", options.password, "--masterauth", options.password] : []),
    ...(options.users ?? []).flatMap((rule) => ["--user", ...rule.split(/\s+/)]),
  ];
  try {
    const masterPort = await nextPort();
    const master = await spawnRedisProcess("redis-server", serverArgs(masterPort));
    children.push(master);
    byPort.set(masterPort, master);
    await waitForPing({ host: "127.0.0.1", port: masterPort, ...auth }, 10_000);
    const replicaPorts: number[] = [];
    for (let i = 0; i < replicaCount; i++) {
      const port = await nextPort();
      const replica = await spawnRedisProcess("redis-server", [...serverArgs(port), "--replicaof", "127.0.0.1", String(masterPort)]);
      children.push(replica);
      byPort.set(port, replica);
      replicaPorts.push(port);
      await waitForPing({ host: "127.0.0.1", port, ...auth }, 10_000);
    }
    await waitUntil("every replica to be in sync with the master", async () => {
      for (const port of replicaPorts) if (!/master_link_status:up/.test(String(await askNode(port, ["INFO", "replication"], auth)))) return undefined;
      return true;
    });
    const sentinelPorts: number[] = [];
    for (let i = 0; i < sentinelCount; i++) {
      const port = await nextPort();
      const config = join(dir, `sentinel-${port}.conf`);
      writeFileSync(
        config,
        [
          ...(options.tls
            ? [
                "port 0",
                `tls-port ${port}`,
                `tls-cert-file ${options.tls.certFile}`,
                `tls-key-file ${options.tls.keyFile}`,
                `tls-ca-cert-file ${options.tls.caFile}`,
                "tls-auth-clients no",
                // The sentinels reach the data nodes and each other over TLS.
                "tls-replication yes",
              ]
            : [`port ${port}`]),
          ...(options.sentinelPassword !== undefined ? [`requirepass ${options.sentinelPassword}`] : []),
          "bind 127.0.0.1",
          `dir ${dir}`,
          `sentinel monitor ${name} 127.0.0.1 ${masterPort} ${quorum}`,
          `sentinel down-after-milliseconds ${name} ${options.downAfterMs ?? 1_000}`,
          `sentinel failover-timeout ${name} 10000`,
          `sentinel parallel-syncs ${name} 1`,
          ...(options.password !== undefined ? [`sentinel auth-pass ${name} ${options.password}`] : []),
          "",
        ].join("\n"),
      );
      // The sentinel rewrites its configuration file as it learns the set: it must be its own, writable.
      const sentinel = await spawnRedisProcess("redis-sentinel", [config]);
      children.push(sentinel);
      sentinelPorts.push(port);
      await waitForPing({ host: "127.0.0.1", port, ...sentinelAuth }, 10_000);
    }
    await waitUntil(
      "every sentinel to know the replicas and the other sentinels",
      async () => {
        for (const port of sentinelPorts) {
          const fields = (await askNode(port, ["SENTINEL", "MASTER", name], sentinelAuth)) as string[];
          const info = new Map<string, string>();
          for (let i = 0; i + 1 < fields.length; i += 2) info.set(fields[i]!, fields[i + 1]!);
          if (Number(info.get("num-slaves")) !== replicaCount || Number(info.get("num-other-sentinels")) !== sentinelCount - 1) return undefined;
        }
        return true;
      },
      30_000,
    );
    const masterNow = async () => {
      for (const port of sentinelPorts) {
        try {
          const [, masterPortText] = (await askNode(port, ["SENTINEL", "GET-MASTER-ADDR-BY-NAME", name], sentinelAuth)) as [string, string];
          return Number(masterPortText);
        } catch {
          // that sentinel is not answering: ask the next
        }
      }
      throw new Error("no sentinel answered");
    };
    return {
      name,
      sentinels: sentinelPorts.map((p) => `127.0.0.1:${p}`).join(","),
      master: masterNow,
      killMaster: async () => {
        const old = await masterNow();
        await killProcess(byPort.get(old));
        return waitUntil(
          `the sentinels to promote a replica of 127.0.0.1:${old}`,
          async () => {
            const now = await masterNow();
            if (now === old) return undefined;
            return /role:master/.test(String(await askNode(now, ["INFO", "replication"], auth))) ? now : undefined;
          },
          30_000,
        );
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
