import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { cliEnv } from "./cli-env.js";
import { REPO_ROOT, type CliResult } from "./run-cli.js";

const BIN = fileURLToPath(new URL("../../packages/cli/bin/kyocho.js", import.meta.url));

/**
 * Runs the built `kyocho` CLI without blocking this process: for tests whose
 * CLI talks to a server the test itself runs (a test model endpoint), which
 * `runCli`'s synchronous spawn would starve. Scrubbed environment as {@link runCli}.
 */
export function runCliAsync(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; sharedRedis?: boolean } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env: cliEnv(options.env, { sharedRedis: options.sharedRedis }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
  return new Promise((resolve) =>
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}
