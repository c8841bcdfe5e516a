import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { cliEnv } from "../../helpers/cli-env.js";
import { REPO_ROOT } from "../../helpers/run-cli.js";

const BIN = fileURLToPath(new URL("../../../packages/cli/bin/kyocho.js", import.meta.url));

/** A `kyocho` process started by a test, with its output collected as it comes. */
export interface KyochoProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stderr match of `pattern` (waits for it). */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal's name) once the process ends. */
  exited: Promise<number | string>;
}

/**
 * Starts the built `kyocho` CLI in the background (workers, dashboards,
 * batches a test wants to kill), from the repository root. The child sees
 * `env` over a scrubbed environment ({@link cliEnv}) plus the suite's
 * `REDIS_URL`: every caller runs workers or batches on the Redis the test
 * connects to, unless `env` names another.
 */
export function startKyocho(args: string[], env: NodeJS.ProcessEnv = {}): KyochoProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env: cliEnv(env, { sharedRedis: true }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "?")));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForStderr: async (pattern, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = err.match(pattern);
        if (match) return match;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`kyocho ${args.join(" ")} exited before printing ${pattern}:\n${err}`);
        if (Date.now() > deadline) throw new Error(`kyocho ${args.join(" ")} did not print ${pattern} in ${timeoutMs} ms:\n${err}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

/** Stops a background process (SIGTERM, then SIGKILL after `graceMs`) and waits for it. */
export async function stopKyocho(p: KyochoProcess, graceMs = 5_000): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill("SIGTERM");
  const timer = setTimeout(() => p.child.kill("SIGKILL"), graceMs);
  await p.exited;
  clearTimeout(timer);
}
