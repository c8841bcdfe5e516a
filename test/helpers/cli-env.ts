/**
 * Names a spawned `kyocho` keeps from the test runner's environment: what a
 * Node process needs to start and find its tools, never a setting kyocho
 * reads. A developer's `KYOCHO_CONFIG`, `KYOCHO_MODEL_BASE_URL`, `KYOCHO_QUEUE`,
 * `OPENAI_API_KEY` or LangSmith tracing would otherwise change what the CLI
 * does under test, so a test could pass or fail on one laptop and not another.
 */
const KEPT =
  /^(PATH|HOME|USER|LOGNAME|SHELL|TMPDIR|TMP|TEMP|LANG|LC_[A-Z]+|TZ|TERM|CI|NODE_[A-Z_]+|SYSTEMROOT|SystemRoot|COMSPEC|PATHEXT|APPDATA|LOCALAPPDATA|USERPROFILE)$/;

/** Which Redis the child may reach without the test naming one. */
export interface CliEnvOptions {
  /**
   * Pass the runner's `REDIS_URL` on: set by tests whose CLI must reach the
   * same Redis the test itself connects to (`createRedisConnection(process.env.REDIS_URL)`).
   * Default false: an embedded run gets no Redis address it did not ask for.
   */
  sharedRedis?: boolean;
}

/**
 * The environment for a `kyocho` child process: the runner's process basics
 * (PATH, HOME, NODE_*, locale), `NO_COLOR=1`, `KYOCHO_STORE=off` (tests run
 * from the repository root, where a stored `ask` would write
 * `.kyocho/kyocho.db`; a test of the store names its own file), the suite's
 * `REDIS_URL` when `sharedRedis` is set, then exactly what the test passes in `explicit`.
 * `explicit` wins; an `undefined` value there leaves the name unset.
 *
 * @example
 * cliEnv({ KYOCHO_PREFIX: prefix }, { sharedRedis: true })
 * // { PATH, HOME, …, NO_COLOR: "1", KYOCHO_STORE: "off", REDIS_URL: <runner's>, KYOCHO_PREFIX: prefix }
 */
export function cliEnv(explicit: NodeJS.ProcessEnv = {}, options: CliEnvOptions = {}, parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(parent)) if (KEPT.test(name) && value !== undefined) env[name] = value;
  env.NO_COLOR = "1";
  env.KYOCHO_STORE = "off";
  if (options.sharedRedis && parent.REDIS_URL !== undefined) env.REDIS_URL = parent.REDIS_URL;
  for (const [name, value] of Object.entries(explicit)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
