import type { Command } from "commander";
import { readDataFile } from "@kyocho/core/validation";
import type { Assessment, Case, Policy } from "@kyocho/core";
import type { Council } from "@kyocho/council";
import { checkBatchFiles, runBatch, type BatchItem } from "@kyocho/batch";
import { cliLimits, councilWithModels, resolveCouncil } from "../cli-context.js";
import { openModelContext } from "../model-context.js";
import { queueRequestedByEnv } from "../queue-requested.js";
import { planningMode, positiveInteger } from "../option-parsers.js";
import { batchProgressBar, formatBatchSummary } from "../output/batch-progress.js";
import type { QueueContext } from "../queue-context.js";
import { openConfiguredStore, requestedBy, storeSetting } from "../store-context.js";
import type { AssessmentStore } from "@kyocho/store";

interface BatchOptions {
  out: string;
  concurrency?: number;
  queue?: boolean;
  policy?: string;
  quiet?: boolean;
  config?: string;
  council?: string;
  planning?: "speculative" | "sequential";
  /** false with `--no-store`. */
  store?: boolean;
  requestedBy?: string;
}

/** A record the store could not write: the line is left out of --out, so the next run assesses and stores it again. */
class StoreWriteError extends Error {
  constructor(id: string, cause: unknown) {
    super(`storing assessment ${id}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "StoreWriteError";
  }
}

export function registerBatch(program: Command): void {
  program
    .command("batch")
    .description("Assess every line of a JSONL file and append one result line per question to --out (resumable)")
    .argument("<input>", "JSONL input: one { id, question?, case? | caseFile? } per line (caseFile relative to the input)")
    .requiredOption("-o, --out <file>", "JSONL output: one { id, assessment } or { id, error } per line; appended to, ids already in it are skipped")
    .option("-n, --concurrency <n>", "questions in flight at once (default 8 in process, 32 with --queue)", positiveInteger("--concurrency"))
    .option("--queue", "run the sub-tasks on `kyocho worker`s through Redis (also KYOCHO_QUEUE=1)")
    .option(
      "--council <module>",
      "a module exporting your council (export default defineCouncil({ experts, policy })): its experts instead of the reference four",
    )
    .option("-p, --policy <file>", "policy file replacing the council's own (the reference council: Reference Policy v2)")
    .option("--config <file>", "model configuration (also KYOCHO_CONFIG, KYOCHO_MODEL_BASE_URL): models for the experts in process, and the planner")
    .option("--planning <mode>", "with a planner model: speculative (default) or sequential; also `planning` in the config", planningMode)
    .option("-q, --quiet", "no progress bar")
    .option(
      "--no-store",
      "keep no records (also KYOCHO_STORE=off); by default each assessment is stored as `kyocho ask` stores it (.kyocho/kyocho.db, KYOCHO_STORE=FILE, KYOCHO_DATABASE_URL=postgres://…)",
    )
    .option("--requested-by <name>", "who asks, recorded with every assessment of the batch; they may not sign them (default KYOCHO_USER, else the OS user)")
    .addHelpText(
      "after",
      `
Input lines:
  {"id": "q1", "question": "Can we lend USD 120m?", "caseFile": "cases/acquisition-finance.yaml"}
  {"id": "q2", "case": { "borrower": { "name": "Acme", "country": "JP" } }}

Resuming: run the same command again after an interruption (Ctrl-C, a crash); ids already in --out are
skipped, and --out never holds an id twice. A bad line is written as { id, error } (the line number stands
in for a missing id) and the batch goes on. With --queue, a line whose sub-tasks the queue could not bring
back is left out, so the next run retries it.

Stored: each assessment gets one record, written in one transaction once it is assessed (status
awaiting_signoff when it needs a signature, else completed), so an overnight batch leaves its sign-off queue
in \`kyocho history --status awaiting_signoff\`. In process, assessments are checkpointed as \`ask\` does: a
re-run continues a line that was cut off without asking its finished experts again. A record already stored
under the same id (the same question, case and policy) is left as it is: a re-run never adds a record twice
and never reopens one that has been signed.

Limits: a line over KYOCHO_MAX_BATCH_LINE_BYTES (4 MiB), a question over KYOCHO_MAX_QUESTION_CHARS (4000)
or a case over KYOCHO_MAX_POSITIONS (10000) is written as { id, error: { code: "LIMIT_EXCEEDED" } }.

Exit codes: 0 the batch ran (bad lines included), 2 bad command line or missing input, 1 lines left
unfinished or an internal error, 130 interrupted.

Examples:
  kyocho batch questions.jsonl --out answers.jsonl
  kyocho batch questions.jsonl --out answers.jsonl --queue --concurrency 64   # with \`kyocho worker\`s running`,
    )
    .action(async (input: string, options: BatchOptions) => {
      const setting = storeSetting(options);
      const requester = requestedBy(options.requestedBy);
      const resolved = await resolveCouncil(options);
      const modelContext = await openModelContext(
        options,
        resolved.experts.map((e) => e.name),
      );
      checkBatchFiles(input, options.out);
      const viaQueue = Boolean(options.queue) || (await queueRequestedByEnv());
      const store = setting.kind === "off" ? undefined : await openConfiguredStore(setting, "batch");
      // Queued or not, each assessment is a checkpointed thread, so the morning's sign-off can resume it.
      const checkpointer = store ? await store.checkpointer() : undefined;
      const local = councilWithModels(resolved, modelContext, checkpointer ? { checkpointer } : {});
      // The queue package (BullMQ, ioredis) is loaded only for a batch that goes through the queue.
      const queue = viaQueue ? await import("@kyocho/queue") : undefined;
      const QUEUE_FAILURES: ReadonlySet<string> = new Set([...(queue?.QUEUE_FAILURE_CODES ?? []), "EXECUTOR_ERROR"]);
      let context: QueueContext | undefined;
      let close = async () => {
        await store?.close();
      };
      let council: Council = local;
      const queueContext = viaQueue ? await import("../queue-context.js") : undefined;
      if (queueContext) {
        context = await queueContext.openQueueContext("batch");
        const queued = await queueContext.queuedCouncil(context, resolved, {
          planner: modelContext.planner,
          planning: modelContext.planning,
          summary: modelContext.summary,
          audit: modelContext.audit,
          checkpointer,
        });
        council = queued.council;
        const ctx = context;
        close = async () => {
          try {
            await queued.executor.close();
            await ctx.close();
          } finally {
            await store?.close();
          }
        };
      }
      const progressView = options.quiet ? undefined : batchProgressBar();
      const controller = new AbortController();
      const onSignal = (signal: NodeJS.Signals) => {
        if (!controller.signal.aborted) {
          progressView?.stop();
          process.stderr.write(`kyocho: ${signal}: finishing the questions in flight; ${signal} again to stop now (a re-run resumes)\n`);
          controller.abort();
        } else {
          process.exit(130);
        }
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      try {
        if (queueContext && context && !options.quiet)
          await queueContext.warnAboutMissingWorkers(
            context,
            council.experts.map((e) => e.name),
          );
        let stored = 0;
        const assess = async (item: BatchItem): Promise<Assessment> => {
          const assessment = await council.assess({ question: item.question, case: item.case, requestedBy: requester });
          const lost = assessment.experts.find((e) => e.status === "failed" && e.error && QUEUE_FAILURES.has(e.error.code));
          if (queue && lost) throw new queue.QueueError("QUEUE_FAILURE", `${lost.name}: ${lost.error!.code}: ${lost.error!.message}`);
          // Stored before its line is written: a crash in between re-assesses the line (from its checkpoint) and finds the record.
          if (store && (await storeBatchAssessment(store, council, item, assessment, resolved.policy, requester))) stored++;
          return assessment;
        };
        const summary = await runBatch({
          input,
          output: options.out,
          concurrency: options.concurrency ?? (viaQueue ? 32 : 8),
          maxLineBytes: cliLimits().maxBatchLineBytes,
          parseCase: (raw, source) => council.parseCase(raw, source),
          loadCaseFile: caseFileLoader(council),
          assess,
          isRetryable: (error) => error instanceof StoreWriteError || (queue !== undefined && error instanceof queue.QueueError),
          signal: controller.signal,
          ...(progressView ? { onProgress: (p) => progressView.update(p) } : {}),
          onWarning: (message) => process.stderr.write(`kyocho: warning: ${message}\n`),
        });
        progressView?.stop();
        process.stderr.write(formatBatchSummary(summary, options.out));
        if (store) process.stderr.write(`kyocho: stored ${stored} new assessment record(s) in ${store.location}\n`);
        if (summary.interrupted) process.exitCode = 130;
        else if (summary.unfinished > 0) process.exitCode = 1;
      } finally {
        progressView?.stop();
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        await close();
      }
    });
}

/**
 * Writes the record of one batch assessment, in one transaction: status
 * `awaiting_signoff` when its recommendation needs a signature, else
 * `completed`. A record already under this id (the same question, case and
 * policy: a re-run, a repeated line, an earlier \`ask\`) that has finished is
 * left as it is, so a re-run never duplicates a record nor undoes a sign-off.
 * Returns whether it wrote.
 */
async function storeBatchAssessment(
  store: AssessmentStore,
  council: Council,
  item: BatchItem,
  assessment: Assessment,
  policy: Policy,
  requester: string,
): Promise<boolean> {
  try {
    const earlier = await store.get(assessment.id);
    if (earlier && earlier.status !== "running") return false;
    const fixed = council.identify({ question: item.question, case: item.case });
    // Loaded with the store already open: a batch without a store loads no database driver.
    const { runningRecord } = await import("@kyocho/store");
    await store.save({
      ...runningRecord({ id: assessment.id, question: fixed.question, case: fixed.case, policy, requestedBy: requester }),
      ...(earlier?.supersedes !== undefined ? { supersedes: earlier.supersedes } : {}),
      status: assessment.signoff?.status ?? "completed",
      assessment,
    });
    return true;
  } catch (error) {
    throw new StoreWriteError(assessment.id, error);
  }
}

/** Reads and validates case files, each once per batch however many lines point at it. */
function caseFileLoader(council: Council): (path: string) => Case {
  const cache = new Map<string, { case: Case } | { error: unknown }>();
  return (path) => {
    let entry = cache.get(path);
    if (!entry) {
      try {
        entry = { case: council.parseCase(readDataFile(path, "case file", { maxBytes: cliLimits().maxFileBytes }), `case file ${path}`) };
      } catch (error) {
        entry = { error };
      }
      if (cache.size >= 256) cache.delete(cache.keys().next().value!);
      cache.set(path, entry);
    }
    if ("error" in entry) throw entry.error;
    return entry.case;
  };
}
