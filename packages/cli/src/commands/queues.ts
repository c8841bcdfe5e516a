import type { Command } from "commander";
import { councilFromOptions } from "../cli-context.js";

/** One expert queue as `kyocho queues --json` prints it. */
export interface QueueReport {
  queue: string;
  expert: string;
  keyPrefix: string;
  hashTag: string;
  slot: number;
  node: string;
  counts: Record<string, number>;
  /** Workers consuming it now; null when the server refuses CLIENT LIST. */
  workers: number | null;
}

export function registerQueues(program: Command): void {
  program
    .command("queues")
    .description("Show each expert queue: its hash tag, Redis Cluster slot and the node serving it, its jobs and workers")
    .option(
      "--council <module>",
      "a module exporting your council (export default defineCouncil({ experts, policy })): its experts instead of the reference four",
    )
    .option("--json", "print as JSON")
    .addHelpText(
      "after",
      `
Connection: REDIS_URL, KYOCHO_REDIS_CLUSTER or KYOCHO_REDIS_SENTINELS, and KYOCHO_PREFIX, as for \`kyocho worker\`.
Lists the council's experts' queues and any other expert queue found under the prefix. On a Redis Cluster
the node is the master that serves the queue's slot now (asked afresh: a promoted replica shows), so you
can check that the experts' queues are spread over the shards.

Examples:
  kyocho queues
  KYOCHO_REDIS_CLUSTER=10.0.0.1:7000,10.0.0.2:7000 kyocho queues --json`,
    )
    .action(async (options: { council?: string; json?: boolean }) => {
      const council = await councilFromOptions(options);
      const { discoverExpertQueues, expertQueuePlacement, openExpertQueue, workerCounts } = await import("@kyocho/queue");
      const context = await (await import("../queue-context.js")).openQueueContext("queues");
      try {
        const { connection, prefix, prefixScheme } = context;
        const found = await discoverExpertQueues(connection, prefix, prefixScheme);
        const experts = [...new Set([...council.experts.map((e) => e.name), ...found])].sort();
        const placements = await expertQueuePlacement(connection, prefix, experts, prefixScheme);
        const workers = await workerCounts(connection, prefix, experts, prefixScheme);
        const reports: QueueReport[] = [];
        for (const placement of placements) {
          const queue = openExpertQueue(placement.expert, { connection, prefix, prefixScheme, skipMetasUpdate: true });
          try {
            const counts = await queue.getJobCounts("waiting", "active", "delayed", "completed", "failed", "prioritized");
            reports.push({ ...placement, counts, workers: workers?.get(placement.expert) ?? null });
          } finally {
            await queue.close();
          }
        }
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ redis: context.where, prefix, prefixScheme, queues: reports }, null, 2)}\n`);
          return;
        }
        process.stdout.write(`Redis ${context.where}, prefix ${prefix} (${prefixScheme})\n`);
        for (const r of reports) {
          const c = r.counts;
          process.stdout.write(
            `${r.queue.padEnd(18)} slot ${String(r.slot).padStart(5)} on ${r.node.padEnd(21)} ` +
              `waiting ${(c.waiting ?? 0) + (c.prioritized ?? 0)}, active ${c.active ?? 0}, delayed ${c.delayed ?? 0}, failed ${c.failed ?? 0}; ` +
              `${r.workers ?? "?"} worker(s)\n`,
          );
        }
        const nodes = new Set(reports.map((r) => r.node));
        if (reports.length > 1 && nodes.size === 1 && context.topology.kind === "cluster") {
          process.stdout.write(`note: every queue is on ${[...nodes][0]}; the other shards carry none of kyocho's load\n`);
        }
      } finally {
        await context.close();
      }
    });
}
