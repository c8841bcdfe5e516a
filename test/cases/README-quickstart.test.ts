import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../helpers/run-cli.js";

/**
 * Splits a shell command line into arguments the way sh would for the simple
 * cases a README uses: whitespace separates, single and double quotes group
 * (and are removed), a backslash escapes the next character outside single quotes.
 */
export function splitShellArgs(line: string): string[] {
  const args: string[] = [];
  let current = "";
  let inArg = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === "\\" && quote === '"' && i + 1 < line.length && /["\\$`]/.test(line[i + 1]!)) current += line[++i];
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inArg = true;
    } else if (ch === "\\" && i + 1 < line.length) {
      current += line[++i];
      inArg = true;
    } else if (/\s/.test(ch)) {
      if (inArg) args.push(current);
      current = "";
      inArg = false;
    } else if (ch === "#" && !inArg) {
      break;
    } else {
      current += ch;
      inArg = true;
    }
  }
  if (quote) throw new Error(`unterminated ${quote} in: ${line}`);
  if (inArg) args.push(current);
  return args;
}

/** The arguments of the first quick-start `npx kyocho ask …` (the one after `npm install &&`). */
function quickStartAskArgs(): string[] {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const line = readme.split("\n").find((l) => /npm install\s*&&\s*npx kyocho ask\b/.test(l));
  if (!line) throw new Error("README.md has no `npm install && npx kyocho ask …` line");
  const command = line.slice(line.indexOf("&&") + 2).trim();
  const words = splitShellArgs(command);
  expect(words.slice(0, 3)).toEqual(["npx", "kyocho", "ask"]);
  return words.slice(2);
}

describe("README quick start", () => {
  it("splits arguments respecting quotes", () => {
    expect(splitShellArgs(`npx kyocho ask --case a.yaml "Can we lend USD 120m?" 'it''s' x\\ y`)).toEqual([
      "npx",
      "kyocho",
      "ask",
      "--case",
      "a.yaml",
      "Can we lend USD 120m?",
      "its",
      "x y",
    ]);
  });

  it("the first `npx kyocho ask` command runs and prints a decision", () => {
    const args = quickStartAskArgs();
    expect(args[0]).toBe("ask");
    const r = runCli(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Decision");
  });
});
