import type { Command } from "commander";
import { UserInputError } from "@kyocho/core";
import { referenceExperts } from "@kyocho/graphs";
import { startDashboard } from "../dashboard/dashboard-server.js";
import { openQueueContext } from "../queue-context.js";

interface DashboardOptions {
  port: string;
  host: string;
  readOnly?: boolean;
}

export function registerDashboard(program: Command): void {
  program
    .command("dashboard")
    .description("Serve Bull Board over the expert queues (jobs, results, failures, retries)")
    .option("--port <port>", "port to listen on (0: any free port)", "3000")
    .option("--host <host>", "address to bind; the board can retry and delete jobs, so only this machine by default", "127.0.0.1")
    .option("--read-only", "no retry, clean, pause or delete buttons")
    .addHelpText(
      "after",
      `
Connection: REDIS_URL and KYOCHO_PREFIX, as for \`kyocho worker\`. Lists the four experts' queues and any
other expert queue found under the prefix. Stop with Ctrl-C.

Examples:
  kyocho dashboard                      # http://127.0.0.1:3000/
  kyocho dashboard --port 8080 --read-only`,
    )
    .action(async (options: DashboardOptions) => {
      const port = Number(options.port);
      if (!/^\d+$/.test(options.port) || port > 65535) throw new UserInputError(`"${options.port}" is not a port number`, { source: "--port" });
      const context = await openQueueContext("dashboard");
      let board;
      try {
        board = await startDashboard({
          connection: context.connection,
          prefix: context.prefix,
          experts: referenceExperts.map((e) => e.name),
          port,
          host: options.host,
          readOnly: options.readOnly ?? false,
        });
      } catch (error) {
        await context.close();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL") {
          throw new UserInputError(`cannot listen on ${options.host}:${port} (${code})`, { source: "dashboard" });
        }
        throw error;
      }
      process.stderr.write(`kyocho: dashboard on ${board.url} — ${board.queues.join(", ")} (${context.where}, prefix ${context.prefix}); Ctrl-C to stop\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await board.close();
      await context.close();
    });
}
