import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, type CliResult } from "./run-cli.js";

const RECORDER = new URL("./module-recorder.mjs", import.meta.url).href;

/**
 * Runs the `kyocho` CLI (as {@link runCli}) and lists every module the
 * process loaded: ES modules as the loader resolved them, CommonJS modules
 * from require.cache, bundled or not.
 *
 * @example
 * const { modules } = runCliListingModules(["ask", "--case", "examples/cases/full-council.yaml"]);
 * packagesIn(modules) // Set { "@langchain/langgraph", "zod", … } (or none, when bundled)
 */
export function runCliListingModules(args: string[], env: NodeJS.ProcessEnv = {}): CliResult & { modules: string[] } {
  const log = join(mkdtempSync(join(tmpdir(), "kyocho-modules-")), "modules.txt");
  const result = runCli(args, {
    env: { ...env, KYOCHO_MODULE_LOG: log, NODE_OPTIONS: `${env.NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? ""} --import ${RECORDER}`.trim() },
  });
  let text = "";
  try {
    text = readFileSync(log, "utf8");
  } catch {
    // No log: the recorder never ran; the caller's check on `modules` says so.
  }
  return { ...result, modules: [...new Set(text.split("\n").filter(Boolean))] };
}

/** The npm packages (`name` or `@scope/name`) that `modules` were loaded from. */
export function packagesIn(modules: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const m of modules) {
    const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(m);
    if (match) names.add(match[1]!.replace("\\", "/"));
  }
  return names;
}
