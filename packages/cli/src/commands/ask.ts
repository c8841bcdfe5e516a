import { userInfo } from "node:os";
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
  requestedBy?: string;
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
    .option("-p, --policy <file>", "policy file replacing the Reference Policy v1")
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
    .option("--requested-by <name>", "who asks (recorded with the sign-off; they may not sign it): default KYOCHO_USER, else the OS user")
    .addHelpText(
      "after",
      `
Examples:
  kyocho ask --case examples/cases/acquisition-finance.yaml "Can we lend USD 120m for this acquisition?"
  kyocho ask --case examples/cases/ringi-ja.yaml --json > assessment.json
  kyocho ask --case examples/cases/acquisition-finance.yaml --html report.html --md report.md
  kyocho ask --queue --case examples/cases/acquisition-finance.yaml     # with \`kyocho worker\` running

Exit codes: 0 assessed, 2 bad input (the message names the field), 1 internal error.`,
    )
    .action(async (words: string[], options: AskOptions) => {
      const resolved = await resolveCouncil(options);
      const modelContext = await openModelContext(
        options,
        resolved.experts.map((e) => e.name),
      );
      const council = councilWithModels(resolved, modelContext);
      if (!options.quiet) for (const line of modelContext.describe()) process.stderr.write(`kyocho: model ${line}\n`);
      const c = readCase(council, options.case);
      const question = questionFrom(words, c);
      if (!question && !c) throw new UserInputError("give a question, a --case file, or both", { source: "ask" });
      const plan = options.plan ? readDataFile(options.plan, "plan file") : undefined;
      const progress = options.quiet ? undefined : progressPrinter();
      // The run writes the executive summary and the audit line itself: what is printed is what `council.assess` returns.
      const requestedBy = requesterOf(options.requestedBy);
      const assessment =
        options.queue || (await queueRequestedByEnv())
          ? await assessThroughQueue(resolved, modelContext, { question, case: c, plan, requestedBy }, progress, options.quiet)
          : await council.assess({ question, case: c, plan, requestedBy }, progress ? { onEvent: progress } : {});
      if (options.json) process.stdout.write(`${JSON.stringify(assessment, null, 2)}\n`);
      else process.stdout.write(formatAssessment(assessment, createStyle(process.stdout)));
      // The report renderer is loaded only when a report is asked for.
      const written = options.html || options.md ? (await import("@kyocho/report")).writeReports(assessment, { html: options.html, md: options.md }) : [];
      for (const w of written) {
        if (!options.quiet) process.stderr.write(`kyocho: wrote ${w.path} (${w.bytes.toLocaleString("en-US")} bytes)\n`);
      }
    });
}

/** Who asks: `--requested-by`, else `KYOCHO_USER`, else the OS user (none when the OS cannot say). */
function requesterOf(given: string | undefined): string | undefined {
  const name = given ?? process.env.KYOCHO_USER;
  if (name !== undefined) {
    if (name.trim() === "") throw new UserInputError("must name someone", { source: given !== undefined ? "--requested-by" : "KYOCHO_USER" });
    return name.trim();
  }
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

/** Runs the council with its sub-tasks on the expert queues; the same graph, so the same assessment. */
async function assessThroughQueue(
  resolved: ResolvedCouncil,
  models: Pick<ModelContext, "planner" | "planning" | "summary" | "audit">,
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
function progressPrinter(): (event: CouncilEvent) => void {
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
