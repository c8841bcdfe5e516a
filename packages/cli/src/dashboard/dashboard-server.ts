import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import express from "express";
import { discoverExpertQueues, expertQueue, openExpertQueue, type PrefixScheme, type RedisClient } from "@kyocho/queue";
import { basicAuth, type DashboardCredentials } from "./basic-auth.js";

type Queue = ReturnType<typeof openExpertQueue>;

/** Options of {@link startDashboard}. */
export interface DashboardOptions {
  connection: RedisClient;
  prefix: string;
  /** How the queues are laid out; default `per-expert`. */
  prefixScheme?: PrefixScheme;
  /** Experts whose queues are always listed; queues found in Redis under the prefix are added. */
  experts: readonly string[];
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the board can retry and delete jobs, so it is not exposed unless asked. */
  host?: string;
  /** No retry, clean, pause or delete buttons. */
  readOnly?: boolean;
  /** Ask every request for these credentials (HTTP basic authentication). */
  auth?: DashboardCredentials | undefined;
}

/** A running dashboard. */
export interface Dashboard {
  url: string;
  queues: string[];
  close(): Promise<void>;
}

/**
 * Serves Bull Board over the expert queues (`expert:lending`, …). The
 * adapter is told the Redis client directly: BullMQ 6 queues no longer carry
 * a `client`, which Bull Board 6 reads for its Redis panel.
 *
 * @example
 * const board = await startDashboard({ connection, prefix: "{kyocho}", experts: ["lending", "fx"], port: 3000 });
 * console.log(board.url); // http://127.0.0.1:3000/
 */
export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const scheme = options.prefixScheme ?? "per-expert";
  const names = [...new Set([...options.experts, ...(await discoverExpertQueues(options.connection, options.prefix, scheme))])].sort();
  const queues: Queue[] = names.map((name) => openExpertQueue(name, { connection: options.connection, prefix: options.prefix, prefixScheme: scheme }));
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath("/");
  createBullBoard({
    queues: queues.map(
      (queue) =>
        new KyochoQueueAdapter(queue, options.connection, {
          readOnlyMode: options.readOnly ?? false,
          keyPrefix: expertQueue(queue.name, options.prefix, scheme).keyPrefix,
        }),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: "kyocho queues" } },
  });
  const app = express();
  app.disable("x-powered-by");
  if (options.auth) app.use(basicAuth(options.auth));
  app.use("/", serverAdapter.getRouter());
  const host = options.host ?? "127.0.0.1";
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port ?? 3000, host, (error?: Error) => (error ? reject(error) : resolve(s)));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    queues: names.map((name) => expertQueue(name, options.prefix, scheme).displayName),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(queues.map((q) => q.close()));
    },
  };
}

/** Bull Board's BullMQ adapter, showing `expert:<name>` and reading Redis details from the given client. */
class KyochoQueueAdapter extends BullMQAdapter {
  constructor(
    queue: Queue,
    private readonly redis: RedisClient,
    options: { readOnlyMode: boolean; keyPrefix: string },
  ) {
    super(queue, {
      readOnlyMode: options.readOnlyMode,
      prefix: "expert:",
      displayName: `expert:${queue.name}`,
      description: options.keyPrefix,
    });
  }

  override getRedisInfo(): Promise<string> {
    return this.redis.info();
  }

  override getClient(): Promise<any> {
    return Promise.resolve(this.redis);
  }
}
