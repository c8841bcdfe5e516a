import type { BaseCheckpointSaver } from "@langchain/langgraph";
import type { Command } from "commander";
import { readDataFile } from "@kyocho/core/validation";
import { UserInputError, type Assessment } from "@kyocho/core";
import type { AssessInput, CouncilEvent } from "@kyocho/council";
import { councilWithModels, questionFrom, readCase, resolveCouncil, type ResolvedCouncil } from "../cli-context.js";
import { openModelContext, type ModelContext } from "../model-context.js";
import { queueRequestedByEnv } from "../queue-requested.js";
import { planningMode } from "../option-parsers.js";
import { formatAssessment } from "../output/format-assessment.js";
import { createStyle } from "../output/style.js";
import { openConfiguredStore, requestedBy, storeSetting } from "../store-context.js";
import type { AssessmentRecord, AssessmentStore } from "@kyocho/store";

interface AskOptions {
  case?: string;
  policy?: string;
  plan?: string;
  json?: boolean;
  quiet?: boolean;
  queue?: boolean;
  config?: string;
  council?: string;
  planning?: "speculative" | "sequential";
  html?: string;
  md?: string;
  /** false with `--no-store`. */
  store?: boolean;
  requestedBy?: string;
  supersedes?: string;
}

export function registerAsk(program: Command): void {
  program
    .command("ask")
    .description("Assess a question (and a case file) with the expert council and print one risk assessment")
    .argument("[question...]", "the question, in English or Japanese (default: the case file's `question`)")
    .option("-c, --case <file>", "case file (JSON or YAML)")
    .option(
      "--council <module>",
      "a module exporting your council (export default defineCouncil({ experts, policy })): its experts instead of the reference four",
    )
    .option("-p, --policy <file>", "policy file replacing the council's own (the reference council: Reference Policy v2)")
    .option("--plan <file>", "run this plan (as printed by `kyocho plan --json`) instead of planning")
    .option("--json", "print the assessment as JSON")
    .option("-q, --quiet", "no progress on stderr")
    .option(
      "--config <file>",
      "model configuration (YAML or JSON; also KYOCHO_CONFIG, KYOCHO_MODEL_BASE_URL): on-premises models for the experts, planner and summary",
    )
    .option(
      "--planning <mode>",
      "with a planner model: speculative (default; the experts the case requires start while it plans) or sequential (plan, then run); also `planning` in the config",
      planningMode,
    )
    .option("--queue", "run the sub-tasks on `kyocho worker`s through Redis (REDIS_URL, KYOCHO_PREFIX; also KYOCHO_QUEUE=1)")
    .option("--html <file>", "also write the report as one self-contained HTML file (inline CSS and SVG, no network)")
    .option("--md <file>", "also write the report as Markdown")
    .option(
      "--no-store",
      "keep nothing: no record, no checkpoint (also KYOCHO_STORE=off); by default the assessment is stored in .kyocho/kyocho.db (KYOCHO_STORE=FILE for another SQLite file, KYOCHO_DATABASE_URL=postgres://… for PostgreSQL)",
    )
    .option(
      "--requested-by <name>",
      "who asks, recorded with the assessment and its sign-off; they may not sign it (default KYOCHO_USER, else the operating-system user)",
    )
    .option(
      "--supersedes <id>",
      "re-ask a returned assessment with the corrected case: the new assessment is recorded as superseding <id>, which must be `returned`",
    )
    .addHelpText(
      "after",
      `
Examples:
  kyocho ask --case examples/cases/acquisition-finance.yaml "Can we lend USD 120m for this acquisition?"
  kyocho ask --case examples/cases/ringi-ja.yaml --json > assessment.json
  kyocho ask --case examples/cases/acquisition-finance.yaml --html report.html --md report.md
  kyocho ask --queue --case examples/cases/acquisition-finance.yaml     # with \`kyocho worker\` running
  kyocho ask --no-store --case examples/cases/acquisition-finance.yaml  # keep nothing
  kyocho ask --case corrected.yaml --supersedes a-22f79afb10bd00e650ba    # after \`kyocho signoff … --decision return\`

Stored assessments are checkpointed as they run: the same command after a crash (or \`kyocho resume ID\`)
continues where it stopped, without asking the experts that had answered again.

Exit codes: 0 assessed, 2 bad input (the message names the field), 1 internal error.`,
    )
    .action(async (words: string[], options: AskOptions) => {
      const setting = storeSetting(options);
      if (options.supersedes !== undefined && setting.kind === "off")
        throw new UserInputError("needs a store: the link to the returned assessment is kept in it, and the store is off", { source: "--supersedes" });
      // Who asks is recorded with the assessment and its sign-off, stored or not: the requester may never sign it.
      const requester = requestedBy(options.requestedBy);
      const resolved = await resolveCouncil(options);
      const modelContext = await openModelContext(
        options,
        resolved.experts.map((e) => e.name),
      );
      const store = setting.kind === "off" ? undefined : await openConfiguredStore(setting, "ask");
      try {
        const queued = options.queue || (await queueRequestedByEnv());
        // Queued runs are checkpointed too: a re-run resumes the thread (a sub-task not yet finished is queued again under
        // the same job id, so a worker's earlier answer is reused), and the assessment can be signed like any other.
        const checkpointer = store ? await store.checkpointer() : undefined;
        const council = councilWithModels(resolved, modelContext, checkpointer ? { checkpointer } : {});
        if (!options.quiet) for (const line of modelContext.describe()) process.stderr.write(`kyocho: model ${line}\n`);
        const c = readCase(council, options.case);
        const question = questionFrom(words, c);
        if (!question && !c) throw new UserInputError("give a question, a --case file, or both", { source: "ask" });
        const plan = options.plan ? readDataFile(options.plan, "plan file") : undefined;
        const progress = options.quiet ? undefined : progressPrinter();
        const fixed = council.identify({ question, case: c });
        const earlier = await store?.get(fixed.assessmentId);
        if (store && options.supersedes !== undefined) await checkSupersedes(store, options.supersedes, fixed.assessmentId, earlier);
        if (earlier && !options.quiet)
          process.stderr.write(
            earlier.status === "running"
              ? `kyocho: continuing assessment ${earlier.id} from its checkpoint\n`
              : `kyocho: assessment ${earlier.id} is already stored (${earlier.status})\n`,
          );
        // The record helpers live with the store, loaded only when a store is (`ask --no-store` loads no database driver).
        const lifecycle = store ? await import("@kyocho/store") : undefined;
        const record =
          earlier ??
          (store &&
            (await store.save({
              ...lifecycle!.runningRecord({
                id: fixed.assessmentId,
                question: fixed.question,
                case: fixed.case,
                policy: resolved.policy,
                requestedBy: requester,
              }),
              supersedes: options.supersedes,
            })));
        // The run writes the executive summary and the audit line itself: what is printed is what `council.assess` returns.
        const assessment = queued
          ? await assessThroughQueue(resolved, { ...modelContext, checkpointer }, { question, case: c, plan, requestedBy: requester }, progress, options.quiet)
          : await council.assess({ question, case: c, plan, requestedBy: requester }, progress ? { onEvent: progress } : {});
        const stored = store && record ? await lifecycle!.recordFinished(store, record, assessment) : undefined;
        await printAssessment(assessment, options);
        if (stored && !options.quiet)
          process.stderr.write(
            `kyocho: stored assessment ${stored.id} (${stored.status})${stored.supersedes ? `, superseding ${stored.supersedes}` : ""} in ${store!.location}\n`,
          );
      } finally {
        await store?.close();
      }
    });
}

/**
 * The rules of `--supersedes`, checked before anything runs or is written:
 * the old assessment exists and was returned; the question or case changed
 * (else the id is the same and there is nothing new to link); nobody has
 * superseded it already; and the new id is not already stored unlinked. Re-running the
 * same `ask --supersedes` (after a crash, or again) is allowed.
 */
async function checkSupersedes(store: AssessmentStore, oldId: string, newId: string, earlier: AssessmentRecord | undefined): Promise<void> {
  const source = "--supersedes";
  const old = await store.get(oldId);
  if (!old) throw new UserInputError(`no assessment ${oldId} in ${store.location}`, { source });
  if (old.status !== "returned")
    throw new UserInputError(`${oldId} is ${old.status}: only a returned assessment can be superseded`, { source, code: "NOT_RETURNED" });
  if (newId === oldId)
    throw new UserInputError(`the question and case are those of ${oldId}: correct the case before asking again`, { source, code: "UNCHANGED_CASE" });
  const successor = (await store.supersededBy(oldId)).find((r) => r.id !== newId);
  if (successor) throw new UserInputError(`${oldId} is already superseded by ${successor.id}`, { source, code: "ALREADY_SUPERSEDED" });
  if (earlier && earlier.supersedes !== oldId)
    throw new UserInputError(
      `this question and case are already stored as ${earlier.id} (${earlier.status})${earlier.supersedes ? `, superseding ${earlier.supersedes}` : ""}`,
      { source, code: "ALREADY_STORED" },
    );
}

/** Prints an assessment as `ask` does (text or `--json`) and writes the reports asked for. */
export async function printAssessment(
  assessment: Assessment,
  options: { json?: boolean | undefined; quiet?: boolean | undefined; html?: string | undefined; md?: string | undefined },
): Promise<void> {
  if (options.json) process.stdout.write(`${JSON.stringify(assessment, null, 2)}\n`);
  else process.stdout.write(formatAssessment(assessment, createStyle(process.stdout)));
  // The report renderer is loaded only when a report is asked for.
  const written = options.html || options.md ? (await import("@kyocho/report")).writeReports(assessment, { html: options.html, md: options.md }) : [];
  for (const w of written) {
    if (!options.quiet) process.stderr.write(`kyocho: wrote ${w.path} (${w.bytes.toLocaleString("en-US")} bytes)\n`);
  }
}

/** Runs the council with its sub-tasks on the expert queues; the same graph, so the same assessment. */
async function assessThroughQueue(
  resolved: ResolvedCouncil,
  models: Pick<ModelContext, "planner" | "planning" | "summary" | "audit"> & { checkpointer?: BaseCheckpointSaver | undefined },
  input: AssessInput,
  progress: ((event: CouncilEvent) => void) | undefined,
  quiet: boolean | undefined,
): Promise<Assessment> {
  // Loaded here, not at start-up: BullMQ and ioredis cost a plain `ask` ~150 ms of cold start.
  const { openQueueContext, queuedCouncil, warnAboutMissingWorkers } = await import("../queue-context.js");
  const context = await openQueueContext("ask");
  try {
    const { council, executor } = await queuedCouncil(context, resolved, {
      planner: models.planner,
      planning: models.planning,
      summary: models.summary,
      audit: models.audit,
      checkpointer: models.checkpointer,
    });
    try {
      if (!quiet)
        await warnAboutMissingWorkers(
          context,
          council.experts.map((e) => e.name),
        );
      return await council.assess(input, progress ? { onEvent: progress } : {});
    } finally {
      await executor.close();
    }
  } finally {
    await context.close();
  }
}

/** Writes one stderr line per council event, so a long run shows what it is doing. */
export function progressPrinter(): (event: CouncilEvent) => void {
  const style = createStyle(process.stderr);
  return (event) => {
    switch (event.type) {
      case "planned":
        process.stderr.write(
          style.dim(
            `kyocho: planned ${event.plan.tasks.length} sub-task(s): ${event.plan.tasks.map((t) => (t.dependsOn.length ? `${t.id} (after ${t.dependsOn.join(", ")})` : t.id)).join(", ")}\n`,
          ),
        );
        break;
      case "expert_started":
        process.stderr.write(style.dim(`kyocho: ▸ ${event.expert} running\n`));
        break;
      case "expert_finished": {
        const mark = event.status === "ok" ? "✓" : event.status === "failed" ? "✗" : "–";
        const time = event.latencyMs !== undefined ? ` in ${event.latencyMs.toFixed(1)} ms` : "";
        process.stderr.write(style.dim(`kyocho: ${mark} ${event.expert} ${event.status}${time}, ${event.findings} finding(s)\n`));
        break;
      }
      case "merged":
        process.stderr.write(style.dim(`kyocho: merged → ${event.decision} (${event.rating}${event.incomplete ? ", incomplete" : ""})\n`));
        break;
      case "summarised":
        process.stderr.write(style.dim(event.written ? `kyocho: summary written by ${event.model}\n` : `kyocho: no summary (${event.reason})\n`));
        break;
    }
  };
}
