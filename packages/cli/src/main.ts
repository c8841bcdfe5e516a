import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { commandsFor } from "./command-table.js";

const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/**
 * Builds the `kyocho` command tree; exported so tests and embedders can
 * drive it. With `argv`, only the command it names is loaded (the others'
 * modules stay unread, which keeps a plain `kyocho ask` quick to start);
 * without, every command is.
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command("kyocho")
    .description("kyocho (協調): domain experts cooperating on one question, answered with one explainable risk assessment")
    .version(version)
    .option("--debug", "show stack traces for errors")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  const registers = await Promise.all(commandsFor(argv).map(([, load]) => load()));
  for (const register of registers) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Runs the CLI and sets the exit code in one place: 0 success, 2 bad input
 * (one line naming the field), 1 internal error (a stack only with --debug).
 */
export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes("--debug");
  let telemetry: { shutdown(): Promise<void> } | undefined;
  try {
    telemetry = await startTracing(argv);
    await (await buildProgram(argv)).parseAsync(argv);
  } catch (error) {
    process.exitCode = await report(error, debug);
  } finally {
    // Flushed before the process ends, so the last spans (the assessment's own) reach the collector.
    await telemetry?.shutdown();
  }
}

/**
 * Trace export for the commands that run councils and workers, when an OTLP
 * endpoint variable is set; the telemetry module (and with it the SDK) is not
 * even read otherwise.
 */
async function startTracing(argv: readonly string[]): Promise<{ shutdown(): Promise<void> } | undefined> {
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() && !process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim()) return undefined;
  // The command as commandsFor finds it: the first argument that is not an option.
  const command = argv.slice(2).find((arg) => !arg.startsWith("-"));
  const { startTelemetry, configPathFrom, TRACED_COMMANDS } = await import("./telemetry.js");
  if (command === undefined || !TRACED_COMMANDS.has(command)) return undefined;
  return startTelemetry(command, process.env, configPathFrom(argv));
}

async function report(error: unknown, debug: boolean): Promise<number> {
  // Loaded only on failure: a command that never reaches @kyocho/core (`--help`) does not pay for it.
  const { KyochoError } = await import("@kyocho/core");
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
