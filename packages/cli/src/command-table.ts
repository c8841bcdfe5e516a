import type { Command } from "commander";

/** Adds one command (its options, help and action) to the program. */
export type RegisterCommand = (program: Command) => void;

/**
 * The `kyocho` commands in the order `--help` lists them, each with a loader
 * of its module. A command's module imports what its action needs (the
 * council, LangGraph, the queue, the report renderer), so the CLI loads only
 * the module of the command it runs: `kyocho ask` never loads the worker's,
 * the dashboard's or the report command's code.
 */
export const COMMANDS: ReadonlyArray<readonly [name: string, load: () => Promise<RegisterCommand>]> = [
  ["ask", async () => (await import("./commands/ask.js")).registerAsk],
  ["signoff", async () => (await import("./commands/signoff.js")).registerSignoff],
  ["resume", async () => (await import("./commands/resume.js")).registerResume],
  ["history", async () => (await import("./commands/history.js")).registerHistory],
  ["show", async () => (await import("./commands/show.js")).registerShow],
  ["plan", async () => (await import("./commands/plan.js")).registerPlan],
  ["experts", async () => (await import("./commands/experts.js")).registerExperts],
  ["schema", async () => (await import("./commands/schema.js")).registerSchema],
  ["migrate", async () => (await import("./commands/migrate.js")).registerMigrate],
  ["eval", async () => (await import("./commands/eval.js")).registerEval],
  ["report", async () => (await import("./commands/report.js")).registerReport],
  ["export", async () => (await import("./commands/export.js")).registerExport],
  ["batch", async () => (await import("./commands/batch.js")).registerBatch],
  ["worker", async () => (await import("./commands/worker.js")).registerWorker],
  ["dashboard", async () => (await import("./commands/dashboard.js")).registerDashboard],
  ["serve", async () => (await import("./commands/serve.js")).registerServe],
  ["tokens", async () => (await import("./commands/tokens.js")).registerTokens],
];

/**
 * The commands to register for `argv`: only the one named by the first
 * operand when it names one, else all of them (for `--help`, `help ask`, no
 * command, or a mistyped one, where commander lists or suggests commands).
 * The program's own options (`--debug`, `-V`, `-h`) take no value, so the
 * first argument not starting with `-` is the command.
 */
export function commandsFor(argv: readonly string[]): ReadonlyArray<readonly [string, () => Promise<RegisterCommand>]> {
  const first = argv.slice(2).find((arg) => !arg.startsWith("-"));
  const named = COMMANDS.find(([name]) => name === first);
  return named ? [named] : COMMANDS;
}
