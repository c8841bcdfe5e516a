import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { KyochoError } from "@kyocho/core";
import { registerAsk } from "./commands/ask.js";
import { registerBatch } from "./commands/batch.js";
import { registerDashboard } from "./commands/dashboard.js";
import { registerEval } from "./commands/eval.js";
import { registerExperts } from "./commands/experts.js";
import { registerExport } from "./commands/export.js";
import { registerPlan } from "./commands/plan.js";
import { registerMigrate } from "./commands/migrate.js";
import { registerReport } from "./commands/report.js";
import { registerSchema } from "./commands/schema.js";
import { registerWorker } from "./commands/worker.js";

const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** Builds the `kyocho` command tree; exported so tests and embedders can drive it. */
export function buildProgram(): Command {
  const program = new Command("kyocho")
    .description("kyocho (協調): domain experts cooperating on one question, answered with one explainable risk assessment")
    .version(version)
    .option("--debug", "show stack traces for errors")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerAsk(program);
  registerPlan(program);
  registerExperts(program);
  registerSchema(program);
  registerMigrate(program);
  registerEval(program);
  registerReport(program);
  registerExport(program);
  registerBatch(program);
  registerWorker(program);
  registerDashboard(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Runs the CLI and sets the exit code in one place: 0 success, 2 bad input
 * (one line naming the field), 1 internal error (a stack only with --debug).
 */
export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes("--debug");
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = report(error, debug);
  }
}

function report(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander; it has already printed them.
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return 0;
    return 2;
  }
  if (error instanceof KyochoError) {
    process.stderr.write(`kyocho: ${error.message}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`kyocho: internal error: ${message.split("\n")[0]}${debug ? "" : " (run with --debug for details)"}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 1;
}
