import { connect } from "node:net";
import type { Command } from "commander";
import { UserInputError } from "@kyocho/core";
import type { Council } from "@kyocho/council";
import { cliLimits, councilWithModels, resolveCouncil } from "../cli-context.js";
import { isLoopbackHost } from "../dashboard/basic-auth.js";
import { openModelContext } from "../model-context.js";
import { planningMode } from "../option-parsers.js";
import { serveEnv } from "../serve-env.js";
import { signoffStoreOf } from "../signoff-store.js";
import { openConfiguredStore, requestedBy, storeSetting } from "../store-context.js";
import { signAssessment } from "./signoff.js";

interface ServeOptions {
  port: number;
  host: string;
  queue?: boolean;
  council?: string;
  policy?: string;
  config?: string;
  planning?: "speculative" | "sequential";
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("Run the HTTP service: assessments, their live events, sign-offs and reports over HTTP, and the analyst page")
    .option("--port <port>", "port to listen on (0: any free port)", port, 8080)
    .option("--host <host>", "address to bind; anything but loopback needs a tokens file (KYOCHO_TOKENS_FILE)", "127.0.0.1")
    .option("--queue", "run the sub-tasks on `kyocho worker`s through Redis (REDIS_URL, KYOCHO_PREFIX)")
    .option("--council <module>", "a module exporting your council (export default defineCouncil({ experts, policy }))")
    .option("-p, --policy <file>", "policy file replacing the Reference Policy")
    .option("--config <file>", "model configuration (YAML or JSON; also KYOCHO_CONFIG, KYOCHO_MODEL_BASE_URL)")
    .option("--planning <mode>", "with a planner model: speculative (default) or sequential", planningMode)
    .addHelpText(
      "after",
      `
Environment:
  KYOCHO_TOKENS_FILE              tokens file (YAML or JSON: tokens: [{ subject, roles, sha256 }]); see \`kyocho tokens new\`
  KYOCHO_RATE_LIMIT               requests per token per window (default 120)
  KYOCHO_RATE_WINDOW_SECONDS      the rate-limit window (default 60)
  KYOCHO_REQUEST_TIMEOUT_SECONDS  a request is answered 503 after it; its assessment keeps running (default 120)
  KYOCHO_MAX_FILE_BYTES           the largest request body (the case-file limit)
  KYOCHO_STORE, KYOCHO_DATABASE_URL  where assessments are kept (KYOCHO_STORE=off is refused: the service is a system of record)

Examples:
  kyocho serve
  curl -s localhost:8080/v1/assessments -H 'content-type: application/json' -d '{"case": {...}}'
  KYOCHO_TOKENS_FILE=tokens.yaml kyocho serve --host 0.0.0.0 --port 8443

Exit codes: 0 stopped (SIGINT/SIGTERM), 2 bad input (the message names the option or variable), 1 internal error.`,
    )
    .action(async (options: ServeOptions) => {
      const env = serveEnv();
      if (!isLoopbackHost(options.host) && !env.tokensFile)
        throw new UserInputError(`binding ${options.host} needs a tokens file (KYOCHO_TOKENS_FILE): without one every request is the local analyst`, {
          source: "--host",
        });
      const setting = storeSetting({});
      if (setting.kind === "off")
        throw new UserInputError("the service is a system of record: it needs a store, and KYOCHO_STORE is off", { source: "serve", code: "STORE_OFF" });
      // Loaded only by this command: Hono and prom-client cost the other commands nothing.
      const { createService, readTokensFile, ServiceMetrics, startService } = await import("@kyocho/server");
      const tokens = env.tokensFile ? readTokensFile(env.tokensFile) : undefined;
      const localSubject = requestedBy(undefined);
      const limits = cliLimits();
      const resolved = await resolveCouncil(options);
      const metrics = new ServiceMetrics();
      const modelContext = await openModelContext(
        options,
        resolved.experts.map((e) => e.name),
        (audit) => metrics.auditSink(audit),
      );
      const store = await openConfiguredStore(setting, "serve");
      const closers: Array<() => Promise<void>> = [() => store.close()];
      try {
        const checkpointer = await store.checkpointer();
        let council: Council;
        const readiness: Record<string, () => Promise<void>> = {};
        let queueDepth: (() => Promise<Array<{ expert: string; state: string; count: number }>>) | undefined;
        if (options.queue) {
          // Loaded only with --queue: BullMQ and ioredis.
          const { openQueueContext, queuedCouncil } = await import("../queue-context.js");
          const { openExpertQueue } = await import("@kyocho/queue");
          const context = await openQueueContext("serve");
          closers.unshift(() => context.close());
          const queued = await queuedCouncil(context, resolved, { ...modelContext, checkpointer });
          closers.unshift(() => queued.executor.close());
          council = queued.council;
          const queues = council.experts.map((e) => [e.name, openExpertQueue(e.name, { connection: context.connection, prefix: context.prefix })] as const);
          closers.unshift(async () => void (await Promise.all(queues.map(([, q]) => q.close()))));
          readiness.redis = async () => void (await context.connection.ping());
          queueDepth = async () => {
            const out: Array<{ expert: string; state: string; count: number }> = [];
            for (const [expert, queue] of queues) {
              const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children", "failed");
              for (const [state, count] of Object.entries(counts)) out.push({ expert, state, count });
            }
            return out;
          };
        } else {
          council = councilWithModels(resolved, modelContext, { checkpointer });
        }
        if (modelContext.endpoints.length > 0) readiness.models = () => reachable(modelContext.endpoints);
        const service = createService({
          council,
          store,
          // The sign-off rules live with `kyocho signoff`: the same function, on the service's open store.
          sign: (id, request) =>
            signAssessment({ id, request, council: resolved, openStore: () => signoffStoreOf(store, async () => {}), audit: modelContext.audit }),
          tokens,
          localSubject,
          limits,
          rateLimit: env.rateLimit,
          requestTimeoutMs: env.requestTimeoutMs,
          metrics,
          queueDepth,
          readiness,
        });
        const running = await startService(service, { port: options.port, host: options.host }).catch((error: NodeJS.ErrnoException) => {
          // A port in use or not ours to bind is the caller's to fix: one line, exit 2.
          if (error.code === "EADDRINUSE" || error.code === "EACCES" || error.code === "EADDRNOTAVAIL")
            throw new UserInputError(`cannot listen on ${options.host}:${options.port} (${error.code})`, { source: "--port" });
          throw error;
        });
        for (const line of modelContext.describe()) process.stderr.write(`kyocho: model ${line}\n`);
        process.stderr.write(
          `kyocho: serving on ${running.url} (store ${store.location}; ${tokens ? `${tokens.size} token(s)` : `no tokens file: every request is ${localSubject}, sign-off refused`})\n`,
        );
        // Printed on stdout, alone, so a script (or a test) that starts the service on port 0 can read the URL.
        process.stdout.write(`${running.url}\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
        process.stderr.write("kyocho: stopping: waiting for the running assessments\n");
        await running.close();
      } finally {
        for (const close of closers) await close().catch(() => undefined);
      }
    });
}

function port(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UserInputError(`"${value}" is not a port (0–65535)`, { source: "--port" });
  return Number(value);
}

/** Resolves when a TCP connection opens to every endpoint's host and port (nothing is sent: no key, no prompt). */
async function reachable(urls: readonly string[]): Promise<void> {
  await Promise.all(
    urls.map(
      (raw) =>
        new Promise<void>((resolve, reject) => {
          const url = new URL(raw);
          const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ""), port: Number(url.port || (url.protocol === "https:" ? 443 : 80)) });
          socket.setTimeout(3000);
          socket.once("connect", () => (socket.destroy(), resolve()));
          socket.once("timeout", () => (socket.destroy(), reject(new Error(`${url.host} does not answer`))));
          socket.once("error", () => reject(new Error(`cannot reach ${url.host}`)));
        }),
    ),
  );
}
