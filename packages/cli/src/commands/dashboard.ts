import type { Command } from "commander";
import { UserInputError } from "@kyocho/core";
import { referenceExperts } from "@kyocho/reference-council";
import { isLoopbackHost, type DashboardCredentials } from "../dashboard/basic-auth.js";

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
    .option(
      "--host <host>",
      "address to bind; the board can retry and delete jobs, so only this machine by default (any other address needs KYOCHO_DASHBOARD_USER and KYOCHO_DASHBOARD_PASSWORD)",
      "127.0.0.1",
    )
    .option("--read-only", "no retry, clean, pause or delete buttons")
    .addHelpText(
      "after",
      `
Connection: REDIS_URL and KYOCHO_PREFIX, as for \`kyocho worker\`. Lists the four experts' queues and any
other expert queue found under the prefix. Stop with Ctrl-C.

Access: bound to 127.0.0.1 by default. Binding any other address (--host 0.0.0.0) requires
KYOCHO_DASHBOARD_USER and KYOCHO_DASHBOARD_PASSWORD (at least 12 characters): every request then asks
for them (HTTP basic authentication; serve it behind a TLS proxy, since basic credentials are not
encrypted). When they are set, the board asks for them on 127.0.0.1 too.

Examples:
  kyocho dashboard                      # http://127.0.0.1:3000/
  kyocho dashboard --port 8080 --read-only`,
    )
    .action(async (options: DashboardOptions) => {
      const port = Number(options.port);
      if (!/^\d+$/.test(options.port) || port > 65535) throw new UserInputError(`"${options.port}" is not a port number`, { source: "--port" });
      const auth = dashboardCredentials(process.env, options.host);
      // Loaded here, not at start: express and Bull Board cost every other command's start-up time.
      const { startDashboard } = await import("../dashboard/dashboard-server.js");
      const context = await (await import("../queue-context.js")).openQueueContext("dashboard");
      let board;
      try {
        board = await startDashboard({
          connection: context.connection,
          prefix: context.prefix,
          prefixScheme: context.prefixScheme,
          experts: referenceExperts.map((e) => e.name),
          port,
          host: options.host,
          readOnly: options.readOnly ?? false,
          auth,
        });
      } catch (error) {
        await context.close();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL") {
          throw new UserInputError(`cannot listen on ${options.host}:${port} (${code})`, { source: "dashboard" });
        }
        throw error;
      }
      process.stderr.write(
        `kyocho: dashboard on ${board.url} — ${board.queues.join(", ")} (${context.where}, prefix ${context.prefix})${auth ? `, basic authentication as ${auth.user}` : ""}; Ctrl-C to stop\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await board.close();
      await context.close();
    });
}

/**
 * The board's credentials from `KYOCHO_DASHBOARD_USER` and
 * `KYOCHO_DASHBOARD_PASSWORD`: both or neither, a password of at least 12
 * characters, and required when `host` is not a loopback address.
 */
function dashboardCredentials(env: NodeJS.ProcessEnv, host: string): DashboardCredentials | undefined {
  const user = env.KYOCHO_DASHBOARD_USER?.trim();
  const password = env.KYOCHO_DASHBOARD_PASSWORD;
  if (!user && !password) {
    if (isLoopbackHost(host)) return undefined;
    throw new UserInputError(
      `binding ${host} exposes the board (which can retry and delete jobs) beyond this machine; set KYOCHO_DASHBOARD_USER and KYOCHO_DASHBOARD_PASSWORD to require basic authentication, or bind 127.0.0.1`,
      { source: "--host", code: "DASHBOARD_UNPROTECTED" },
    );
  }
  if (!user)
    throw new UserInputError("KYOCHO_DASHBOARD_PASSWORD is set but KYOCHO_DASHBOARD_USER is not", { source: "environment", path: "KYOCHO_DASHBOARD_USER" });
  if (!password || password.length < 12) {
    throw new UserInputError("must be at least 12 characters", { source: "environment", path: "KYOCHO_DASHBOARD_PASSWORD" });
  }
  if (user.includes(":")) throw new UserInputError("must not contain ':'", { source: "environment", path: "KYOCHO_DASHBOARD_USER" });
  return { user, password };
}
