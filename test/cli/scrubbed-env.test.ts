import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cliEnv } from "../helpers/cli-env.js";
import { runCli } from "../helpers/run-cli.js";
import { runCliAsync } from "../helpers/run-cli-async.js";

// A developer's shell with kyocho pointed at their own model…
const DEVELOPER_MODEL = { KYOCHO_MODEL_BASE_URL: "http://10.9.9.9/v1", KYOCHO_MODEL_NAME: "their-model" };
// …and, for the environment itself, their Redis, keys and tracing too.
const DEVELOPER = {
  ...DEVELOPER_MODEL,
  PATH: "/usr/bin",
  HOME: "/home/dev",
  NODE_OPTIONS: "--max-old-space-size=2048",
  KYOCHO_CONFIG: "/home/dev/kyocho.yaml",
  KYOCHO_QUEUE: "1",
  REDIS_URL: "redis://:their-password@10.9.9.9:6379",
  KYOCHO_DATABASE_URL: "postgres://dev:their-password@10.9.9.9/kyocho",
  OPENAI_API_KEY: "sk-their-key",
  LANGSMITH_TRACING: "true",
};
const ASK = ["ask", "--case", "examples/cases/full-council.yaml", "--quiet"];
const saved: Record<string, string | undefined> = {};

beforeEach(() => {
  for (const [name, value] of Object.entries(DEVELOPER_MODEL)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("the CLI under test does not see the developer's kyocho settings", () => {
  it.each([
    { helper: "runCli", run: async () => runCli(ASK) },
    { helper: "runCliAsync", run: () => runCliAsync(ASK) },
  ])("$helper: an embedded ask runs in process with no model", async ({ run }) => {
    const r = await run();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Decision ESCALATE/);
    // A configured model adds a "Models" section and the planner warns when it is unreachable.
    expect(r.stdout).not.toMatch(/^Models$/m);
    expect(`${r.stdout}${r.stderr}`).not.toContain("10.9.9.9");
    expect(r.stderr).toBe("");
  });

  it("keeps the process basics, passes REDIS_URL only when the test's Redis is meant, and lets the test's own values win", () => {
    expect(cliEnv({ KYOCHO_PREFIX: "{t}" }, {}, DEVELOPER)).toEqual({
      PATH: "/usr/bin",
      HOME: "/home/dev",
      NODE_OPTIONS: "--max-old-space-size=2048",
      NO_COLOR: "1",
      KYOCHO_STORE: "off",
      KYOCHO_PREFIX: "{t}",
    });
    expect(cliEnv({}, { sharedRedis: true }, DEVELOPER).REDIS_URL).toBe(DEVELOPER.REDIS_URL);
    expect(cliEnv({ REDIS_URL: "redis://127.0.0.1:1" }, { sharedRedis: true }, DEVELOPER).REDIS_URL).toBe("redis://127.0.0.1:1");
    expect(cliEnv({ KYOCHO_CONFIG: "x.yaml" }, {}, DEVELOPER).KYOCHO_CONFIG).toBe("x.yaml");
    // A spawned ask stores nothing (tests run from the repository root) unless the test names a store.
    expect(cliEnv({ KYOCHO_STORE: "/tmp/t.db" }, {}, DEVELOPER).KYOCHO_STORE).toBe("/tmp/t.db");
  });
});
