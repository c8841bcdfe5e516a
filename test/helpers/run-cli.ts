import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { cliEnv } from "./cli-env.js";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = fileURLToPath(new URL("../../packages/cli/bin/kyocho.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `kyocho` CLI as a user would (a separate Node process, from
 * the repository root). `npm test` builds first, so this is the real binary.
 * The child sees only `options.env` over a scrubbed environment ({@link cliEnv}):
 * set `sharedRedis` when it must reach the Redis the test connects to.
 */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; sharedRedis?: boolean } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: cliEnv(options.env, { sharedRedis: options.sharedRedis }),
    input: options.input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
