import { hostname } from "node:os";
import type { Command } from "commander";
import { AuditLog, createModelRegistry, loadModelConfig } from "@kyocho/models";
import { loadPolicyFile, policyFingerprint, UserInputError } from "@kyocho/core";
import { loadReferencePolicy, referenceExperts } from "@kyocho/reference-council";
import type { WorkerPoolEvent } from "@kyocho/queue";
import { positiveInteger } from "../option-parsers.js";

interface WorkerOptions {
  experts?: string;
  concurrency: string;
  rate?: string;
  timeout?: number;
  lockDuration?: number;
  stalledInterval?: number;
  maxStalled?: number;
  grace: number;
  handBackTimeout: number;
  name?: string;
  config?: string;
  policy: string[];
  council?: string;
  verbose?: boolean;
  quiet?: boolean;
}

export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("Run experts' sub-tasks from their Redis queues (expert:<name>) until stopped")
    .option("-e, --experts <names>", "comma-separated experts to serve (default: all)")
    .option("-c, --concurrency <n>", "sub-tasks run at once per expert: N, or per expert: lending=2,fx=8 (N,fx=8 sets a default)", "4")
    .option("-r, --rate <n>", "at most N sub-tasks per second per expert queue, shared by all its workers (or lending=2,fx=10)")
    .option("--timeout <ms>", "stop a sub-task after this long and retry it (default: the expert's own limit)", positiveInteger("--timeout"))
    .option(
      "--lock-duration <ms>",
      "how long a sub-task stays locked without renewal; a dead worker's sub-tasks run elsewhere after it (default 30000)",
      positiveInteger("--lock-duration"),
    )
    .option("--stalled-interval <ms>", "how often to look for sub-tasks of dead workers (default 30000)", positiveInteger("--stalled-interval"))
    .option("--max-stalled <n>", "times a sub-task may be recovered from a dead worker before it fails (default 1)", positiveInteger("--max-stalled"))
    .option("--grace <ms>", "on SIGTERM/SIGINT, wait this long for running sub-tasks, then hand them back to the queue", positiveInteger("--grace"), 20_000)
    .option(
      "--hand-back-timeout <ms>",
      "after --grace, how long to wait for Redis to take the running sub-tasks back before exiting anyway (exit 1, naming them)",
      positiveInteger("--hand-back-timeout"),
      5_000,
    )
    .option("--name <name>", "this worker's name, recorded on every job it runs (default: host:pid)")
    .option(
      "--council <module>",
      "a module exporting your council (export default defineCouncil({ experts, policy })): serve its experts, under its policy unless --policy is given",
    )
    .option("--policy <file>", "a policy (JSON or YAML) whose sub-tasks this worker runs; repeat for several (default: the reference policy)", collect, [])
    .option("--config <file>", "model configuration (JSON or YAML; also KYOCHO_CONFIG, KYOCHO_MODEL_BASE_URL): the experts' models, used on this machine")
    .option("-v, --verbose", "log every sub-task")
    .option("-q, --quiet", "log only errors")
    .addHelpText(
      "after",
      `
Connection: REDIS_URL (default redis://127.0.0.1:6379; rediss:// for TLS, a user and password in the URL);
or a Redis Cluster, KYOCHO_REDIS_CLUSTER=host:port,host:port; or Sentinel, KYOCHO_REDIS_SENTINELS=host:port,…
with KYOCHO_REDIS_SENTINEL_NAME (credentials: KYOCHO_REDIS_USERNAME, KYOCHO_REDIS_PASSWORD, KYOCHO_REDIS_TLS=1;
the sentinels' own: KYOCHO_REDIS_SENTINEL_PASSWORD). KYOCHO_PREFIX (default {kyocho}): each expert's queue
gets the hash tag {kyocho:<expert>} (KYOCHO_PREFIX_SCHEME=shared: the old single {kyocho}). A lost
connection is retried with backoff and logged once each way; a failover is a reconnection.
Retention of finished jobs (they hold the case): KYOCHO_KEEP_COMPLETED_SECONDS (86400), _JOBS (10000),
KYOCHO_KEEP_FAILED_SECONDS (604800), _JOBS (50000), per expert queue.

Policies: a sub-task names its policy by id and SHA-256, and runs only on a worker started with that policy
(--policy); elsewhere it fails at once with POLICY_MISMATCH. A policy is never read from Redis.

Retries: a sub-task that fails transiently (a timeout, a refused connection) is retried with exponential
backoff (3 attempts). Stopping: the first SIGTERM/SIGINT stops taking sub-tasks and lets running ones
finish (for --grace ms, then they go back to the queue); a second one hands them back at once; a third
exits at once. Handing back waits at most --hand-back-timeout ms: a worker whose Redis has gone away still
exits, with status 1 and the sub-tasks it could not hand back named (they run elsewhere once their lock
expires). A worker killed outright leaves its sub-tasks to another worker after --lock-duration.

Examples:
  kyocho worker                                       # all experts, 4 at a time each
  kyocho worker --experts lending,fx --concurrency lending=2,fx=8 --rate fx=5
  kyocho worker --policy policies/bank-2027.yaml --policy policies/bank-2026.yaml
  REDIS_URL=rediss://:secret@redis.internal:6380 kyocho worker --experts legal`,
    )
    .action(async (options: WorkerOptions) => {
      const { isConnectionError, perExpertSetting, startExpertWorkers } = await import("@kyocho/queue");
      // The council's experts: --council MODULE's, else the reference four.
      const definition = options.council ? await (await import("../council-module.js")).loadCouncilModule(options.council) : undefined;
      const councilExperts = definition?.experts ?? referenceExperts;
      const known = councilExperts.map((e) => e.name);
      const wanted = options.experts
        ? options.experts
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : known;
      const unknown = wanted.filter((name) => !known.includes(name));
      if (wanted.length === 0 || unknown.length > 0) {
        throw new UserInputError(`unknown expert ${unknown.map((u) => `"${u}"`).join(", ") || "(none given)"}; the experts are ${known.join(", ")}`, {
          source: "--experts",
        });
      }
      const experts = councilExperts.filter((e) => wanted.includes(e.name));
      const concurrency = perExpertSetting(options.concurrency, wanted, { source: "--concurrency", integer: true });
      const rate = options.rate ? perExpertSetting(options.rate, wanted, { source: "--rate" }) : {};
      const name = options.name ?? `${hostname()}:${process.pid}`;
      // Policies are read and checked against every served expert now, before any job is taken.
      const policies = options.policy.length > 0 ? options.policy.map((file) => loadPolicyFile(file)) : [definition?.policy ?? loadReferencePolicy()];
      for (const policy of policies) for (const expert of experts) expert.resolvePolicy(policy);
      // Models are checked now (unknown experts, endpoints outside the bank), before any job is taken.
      const modelConfig = loadModelConfig({ path: options.config });
      const audit = modelConfig?.audit.enabled ? new AuditLog(modelConfig.audit) : undefined;
      const models = modelConfig ? createModelRegistry(modelConfig, { audit, experts: known }) : undefined;
      const log = (line: string) => process.stderr.write(`kyocho worker ${name}: ${line}\n`);

      const context = await (await import("../queue-context.js")).openQueueContext("worker", process.env, log);
      // A Redis outage is the context's watcher's to report (once each way), not each of the pool's connections';
      // any other error is said at most once every 10 s.
      const lastSaid = new Map<string, number>();
      const once = (line: string) => {
        const now = Date.now();
        if ((lastSaid.get(line) ?? 0) > now - 10_000) return;
        lastSaid.set(line, now);
        log(line);
      };
      const onEvent = (event: WorkerPoolEvent) => {
        if (event.type === "completed" && options.verbose) log(`✓ ${event.expert} ${event.jobId} ${event.status} in ${event.ms} ms`);
        if (event.type === "failed" && !options.quiet) {
          log(`✗ ${event.expert} ${event.jobId} attempt ${event.attempt}/${event.attempts}${event.willRetry ? " (will retry)" : ""}: ${event.reason}`);
        }
        if (event.type === "stalled" && !options.quiet) log(`↺ ${event.expert} ${event.jobId}: its worker died or lost Redis; running it again`);
        if (event.type === "error" && !isConnectionError(event.message)) {
          const lock = /^Missing lock for job (\S+?)\.? /.exec(event.message);
          once(
            lock
              ? `${event.expert} ${lock[1]}: its lock expired while Redis was away; its result is dropped and the job runs again`
              : `error on expert:${event.expert}: ${event.message}`,
          );
        }
      };
      const pool = startExpertWorkers(experts, {
        connection: context.connection,
        prefix: context.prefix,
        prefixScheme: context.prefixScheme,
        concurrency,
        rate,
        name,
        models,
        policies,
        onEvent,
        retention: context.retention,
        ...(options.timeout !== undefined ? { jobTimeoutMs: options.timeout } : {}),
        ...(options.lockDuration !== undefined ? { lockDurationMs: options.lockDuration } : {}),
        ...(options.stalledInterval !== undefined ? { stalledIntervalMs: options.stalledInterval } : {}),
        ...(options.maxStalled !== undefined ? { maxStalledCount: options.maxStalled } : {}),
      });

      // Stop on the first signal (finish, then hand back after --grace); a second signal hands back at once. Handing
      // back is given HAND_BACK_TIMEOUT_MS: a worker whose Redis has gone away must still stop, and says what it
      // could not hand back (those sub-tasks run again elsewhere once their locks expire).
      const stopped = new Promise<{ stranded: string[]; forced: boolean }>((resolve) => {
        let signals = 0;
        let handingBack = false;
        let grace: NodeJS.Timeout | undefined;
        const handBack = (why: string) => {
          if (handingBack) return;
          handingBack = true;
          clearTimeout(grace);
          log(`${why}: handing ${pool.running} sub-task(s) back to the queue`);
          void pool.stopWithin(options.handBackTimeout).then(({ closed, stranded }) => {
            if (!closed && stranded.length === 0) log(`Redis at ${context.where} did not answer within ${options.handBackTimeout} ms; stopping without it`);
            resolve({ stranded, forced: !closed });
          });
        };
        const onSignal = (signal: NodeJS.Signals) => {
          signals++;
          if (signals === 1) {
            if (!options.quiet) log(`${signal}: finishing ${pool.running} running sub-task(s); ${signal} again to hand them back now`);
            grace = setTimeout(() => handBack("grace period over"), options.grace);
            void pool.close().then(() => {
              clearTimeout(grace);
              resolve({ stranded: [], forced: false });
            });
          } else if (signals === 2) {
            handBack(signal);
          } else {
            log(`${signal} again: stopping now; not handed back: ${pool.runningJobs.join(", ") || "none"}`);
            resolve({ stranded: pool.runningJobs, forced: true });
          }
        };
        process.on("SIGTERM", onSignal);
        process.on("SIGINT", onSignal);
      });

      await pool.waitUntilReady();
      if (!options.quiet) {
        const described = wanted
          .map((e) => `expert:${e} (concurrency ${concurrency[e]}${rate[e] ? `, ≤ ${rate[e]}/s` : ""}${models?.forExpert(e) ? ", with its model" : ""})`)
          .join(", ");
        const served = policies.map((p) => policyFingerprint(p)).map((f) => `${f.id}${f.version ? ` v${f.version}` : ""} (sha256 ${f.sha256.slice(0, 12)})`);
        log(`ready on ${context.where}, prefix ${context.prefix}: ${described}; policies ${served.join(", ")}`);
      }
      const { stranded, forced } = await stopped;
      // A Redis that did not answer the hand-back will not answer QUIT either.
      if (forced) context.connection.disconnect();
      await context.close();
      if (stranded.length > 0) {
        log(
          `could not hand back ${stranded.length} sub-task(s): ${stranded.join(", ")}; they stay locked in Redis and run again on another worker ` +
            `once their lock expires (--lock-duration)`,
        );
        process.exitCode = 1;
      } else if (!options.quiet) log("stopped");
      // BullMQ's connections may still be retrying a Redis that has gone away; they must not keep the worker alive.
      setTimeout(() => process.exit(), 1_000).unref();
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
