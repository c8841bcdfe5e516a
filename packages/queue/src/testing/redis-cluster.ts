import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  askNode,
  freeClusterPort,
  killProcess,
  spawnRedisProcess,
  tlsClientOptions,
  tlsServerArgs,
  waitForPing,
  waitUntil,
  type TestRedisTls,
} from "./redis-process.js";

/** One node of a {@link TestRedisCluster}. */
export interface TestClusterNode {
  readonly port: number;
  /** The node's cluster id (CLUSTER MYID). */
  readonly id: string;
  /** Whether its process still runs. */
  readonly alive: boolean;
}

/** A private Redis Cluster a test started, whose masters it can kill. */
export interface TestRedisCluster {
  readonly nodes: readonly TestClusterNode[];
  /** `127.0.0.1:PORT,…` of every node: what `KYOCHO_REDIS_CLUSTER` takes. */
  readonly seeds: string;
  /** The live masters that serve slots now, as CLUSTER NODES says, by port. */
  masters(): Promise<number[]>;
  /** The port of the master that serves `slot` now. */
  masterOf(slot: number): Promise<number>;
  /**
   * Kills the node on `port` with SIGKILL and waits until a replica has taken
   * over its slots (CLUSTER NODES shows the node `fail` and its replica a
   * master, and CLUSTER INFO `cluster_state:ok`). Returns the promoted
   * replica's port.
   */
  killMaster(port: number): Promise<number>;
  /** Stops every node and removes their files. */
  stop(): Promise<void>;
}

/** Options of {@link startRedisCluster}. */
export interface TestRedisClusterOptions {
  /** Masters; default 3 (Redis Cluster's minimum). */
  masters?: number;
  /** Replicas per master; default 1. */
  replicas?: number;
  /** `cluster-node-timeout`: how long a silent master takes to be declared failed; default 1000 ms, so a failover takes seconds. */
  nodeTimeoutMs?: number;
  /** `requirepass` and `masterauth` on every node. */
  password?: string;
  /** ACL users on every node, one rule string each (`"kyocho on >secret ~{kyocho:* +@all -@dangerous +info"`). */
  users?: string[];
  /** Serve TLS only, on clients, replication and the cluster bus (`tls-cluster`, `tls-replication`). */
  tls?: TestRedisTls;
}

/**
 * Starts a Redis Cluster of `masters` masters with `replicas` replicas each
 * on free ports (`redis-server --cluster-enabled yes`, then
 * `redis-cli --cluster create … --cluster-replicas N`), and waits until
 * every slot is served and every replica is in sync with its master.
 * Needs `redis-server` and `redis-cli` on the PATH.
 *
 * @example
 * const cluster = await startRedisCluster({ masters: 3, replicas: 1 });
 * const env = { KYOCHO_REDIS_CLUSTER: cluster.seeds };
 * const promoted = await cluster.killMaster(await cluster.masterOf(1234));
 * await cluster.stop();
 */
export async function startRedisCluster(options: TestRedisClusterOptions = {}): Promise<TestRedisCluster> {
  const masters = options.masters ?? 3;
  const replicas = options.replicas ?? 1;
  const count = masters * (1 + replicas);
  const dir = mkdtempSync(join(tmpdir(), "kyocho-redis-cluster-"));
  const auth = { ...(options.password !== undefined ? { password: options.password } : {}), ...tlsClientOptions(options.tls) };
  const ports: number[] = [];
  const taken = new Set<number>();
  while (ports.length < count) {
    const port = await freeClusterPort(taken);
    ports.push(port);
    taken.add(port).add(port + 10_000);
  }
  const children = new Map<number, ChildProcess>();
  const stop = async () => {
    await Promise.all([...children.values()].map((c) => killProcess(c)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(
      ports.map(async (port) => {
        const child = await spawnRedisProcess("redis-server", [
          ...(options.tls ? tlsServerArgs(options.tls, port, { cluster: true, replication: true }) : ["--port", String(port)]),
          "--bind",
          "127.0.0.1",
          "--cluster-enabled",
          "yes",
          "--cluster-config-file",
          join(dir, `nodes-${port}.conf`),
          "--cluster-node-timeout",
          String(options.nodeTimeoutMs ?? 1_000),
          // A replica may take over however long it was cut off: the test kills masters on purpose.
          "--cluster-replica-validity-factor",
          "0",
          "--dir",
          dir,
          "--save",
          "",
          "--appendonly",
          "no",
          ...(options.password !== undefined ? ["--requirepass", options.password, "--masterauth", options.password] : []),
          ...(options.users ?? []).flatMap((rule) => ["--user", ...rule.split(/\s+/)]),
        ]);
        children.set(port, child);
        await waitForPing({ host: "127.0.0.1", port, ...auth }, 10_000);
      }),
    );
    await runRedisCli([
      "--cluster",
      "create",
      ...ports.map((p) => `127.0.0.1:${p}`),
      "--cluster-replicas",
      String(replicas),
      "--cluster-yes",
      ...(options.password !== undefined ? ["-a", options.password, "--no-auth-warning"] : []),
      ...(options.tls ? ["--tls", "--cacert", options.tls.caFile] : []),
    ]);
    // Every node agrees the cluster is up, and every replica has its master's data.
    await waitUntil(
      "every cluster node to report cluster_state:ok with all slots served",
      async () => {
        for (const port of ports) {
          const info = String(await askNode(port, ["CLUSTER", "INFO"], auth));
          if (!/cluster_state:ok/.test(info) || !/cluster_slots_ok:16384/.test(info)) return undefined;
        }
        return true;
      },
      30_000,
    );
    await waitUntil(
      "every replica to be in sync with its master",
      async () => {
        const roles = await Promise.all(ports.map(async (port) => String(await askNode(port, ["INFO", "replication"], auth))));
        const synced = roles.filter((info) => /role:slave/.test(info) && /master_link_status:up/.test(info)).length;
        return synced === masters * replicas ? true : undefined;
      },
      30_000,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const ids = new Map<number, string>();
  for (const port of ports) ids.set(port, String(await askNode(port, ["CLUSTER", "MYID"], auth)));

  const alivePort = () => {
    const port = ports.find((p) => children.get(p)?.exitCode === null && children.get(p)?.signalCode === null);
    if (port === undefined) throw new Error("no cluster node is running");
    return port;
  };
  const clusterNodes = async (): Promise<ClusterNodeLine[]> => parseClusterNodes(String(await askNode(alivePort(), ["CLUSTER", "NODES"], auth)));
  const masterPorts = async () =>
    (await clusterNodes()).filter((n) => n.flags.includes("master") && !n.flags.includes("fail") && n.slots.length > 0).map((n) => n.port);
  const masterOf = async (slot: number) => {
    const owner = (await clusterNodes()).find(
      (n) => n.flags.includes("master") && !n.flags.includes("fail") && n.slots.some(([a, b]) => slot >= a && slot <= b),
    );
    if (!owner) throw new Error(`no live master serves slot ${slot}`);
    return owner.port;
  };

  return {
    nodes: ports.map((port) => ({
      port,
      id: ids.get(port)!,
      get alive() {
        const child = children.get(port);
        return child !== undefined && child.exitCode === null && child.signalCode === null;
      },
    })),
    seeds: ports.map((p) => `127.0.0.1:${p}`).join(","),
    masters: masterPorts,
    masterOf,
    killMaster: async (port: number) => {
      const before = await clusterNodes();
      const victim = before.find((n) => n.port === port);
      if (!victim?.flags.includes("master")) throw new Error(`127.0.0.1:${port} is not a master`);
      const replicaPorts = before.filter((n) => n.masterId === victim.id).map((n) => n.port);
      await killProcess(children.get(port));
      return waitUntil(
        `a replica of 127.0.0.1:${port} to be promoted (CLUSTER NODES) and the cluster to be ok again`,
        async () => {
          const now = await clusterNodes();
          const dead = now.find((n) => n.port === port);
          const promoted = now.find((n) => replicaPorts.includes(n.port) && n.flags.includes("master") && n.slots.length > 0);
          if (!dead?.flags.includes("fail") || !promoted) return undefined;
          const info = String(await askNode(promoted.port, ["CLUSTER", "INFO"], auth));
          return /cluster_state:ok/.test(info) ? promoted.port : undefined;
        },
        30_000,
      );
    },
    stop,
  };
}

interface ClusterNodeLine {
  id: string;
  port: number;
  flags: string[];
  masterId: string | undefined;
  slots: Array<[number, number]>;
}

/** Parses CLUSTER NODES: `<id> <ip:port@bus> <flags> <master> <ping> <pong> <epoch> <link> <slot> <slot>…`. */
function parseClusterNodes(text: string): ClusterNodeLine[] {
  return text
    .trim()
    .split("\n")
    .map((line) => {
      const [id = "", address = "", flags = "", master = "-", , , , , ...slots] = line.trim().split(" ");
      return {
        id,
        port: Number(/:(\d+)@/.exec(address)?.[1]),
        flags: flags.split(","),
        masterId: master === "-" ? undefined : master,
        slots: slots
          .filter((s) => !s.startsWith("["))
          .map((s) => {
            const [from, to] = s.split("-").map(Number);
            return [from!, to ?? from!] as [number, number];
          }),
      };
    });
}

async function runRedisCli(args: string[]): Promise<void> {
  const child = spawn("redis-cli", args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (c) => resolve(c));
  });
  if (code !== 0) throw new Error(`redis-cli ${args.slice(0, 2).join(" ")} failed (exit ${code}): ${output.slice(-500)}`);
}
