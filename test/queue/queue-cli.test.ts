import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

// The queue commands' input errors: exit 2 and one line, before any Redis is needed.
const dir = mkdtempSync(join(tmpdir(), "kyocho-queue-cli-"));
const input = join(dir, "in.jsonl");
writeFileSync(input, `${JSON.stringify({ id: "q1", question: "Can we lend?" })}\n`);
const bare = join(dir, "bare-policy.json");
writeFileSync(
  bare,
  JSON.stringify({
    id: "bare-v1",
    name: "No expert sections",
    merge: { decisions: { low: "approve", medium: "approve", high: "escalate", critical: "decline" } },
  }),
);

function expectOneLine(args: string[], code: number, pattern: RegExp, env: NodeJS.ProcessEnv = {}) {
  const r = runCli(args, { env });
  expect(r.code, r.stderr).toBe(code);
  // Commander's own usage errors add its "(run with --help for usage)" hint.
  const lines = r.stderr
    .trim()
    .split("\n")
    .filter((l) => !l.startsWith("(run with --help"));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe("queue commands: bad input", () => {
  it("batch on a missing input file", () =>
    expectOneLine(["batch", join(dir, "nope.jsonl"), "--out", join(dir, "o.jsonl")], 2, /input file .*nope\.jsonl: file not found/));
  it("batch without --out", () => expectOneLine(["batch", input], 2, /required option '-o, --out <file>' not specified/));
  it("batch into a missing folder", () => expectOneLine(["batch", input, "--out", join(dir, "no", "o.jsonl")], 2, /output file .*: its folder does not exist/));
  it("batch with a bad --concurrency", () =>
    expectOneLine(["batch", input, "--out", join(dir, "o.jsonl"), "--concurrency", "0"], 2, /--concurrency: "0" is not a positive integer/));
  it("worker for an unknown expert", () =>
    expectOneLine(["worker", "--experts", "esg"], 2, /--experts: unknown expert "esg"; the experts are lending, legal, fx, markets/));
  it("worker with a bad --rate", () => expectOneLine(["worker", "--rate", "fx=fast"], 2, /--rate: "fast" is not a positive number/));
  it("worker with a missing --policy file", () => expectOneLine(["worker", "--policy", join(dir, "nope.yaml")], 2, /nope\.yaml: file not found/));
  it("worker with a --policy that lacks a served expert's section", () =>
    expectOneLine(["worker", "--experts", "fx", "--policy", bare], 2, /experts\.fx: missing: the fx expert needs its policy section/));
  it("a bad REDIS_URL", () => expectOneLine(["worker"], 2, /REDIS_URL: unsupported scheme "http:"/, { REDIS_URL: "http://localhost" }));
  it("a Redis that does not answer is one line and exit 1, not a hang", () =>
    expectOneLine(
      ["ask", "--queue", "Can we lend?"],
      1,
      /cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 \(.*ECONNREFUSED.*\); start Redis or set REDIS_URL/,
      {
        REDIS_URL: "redis://:secret@127.0.0.1:1",
      },
    ));
});
