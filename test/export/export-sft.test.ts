import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChatFineTuningLineSchema } from "@kyocho/core";
import { runCli } from "../helpers/run-cli.js";

describe("kyocho export sft", () => {
  it("writes one valid OpenAI chat fine-tuning line per expert per case, grounded in the retrieved context", () => {
    const out = join(mkdtempSync(join(tmpdir(), "kyocho-sft-")), "data", "train.jsonl");
    const r = runCli(["export", "sft", "--cases", "examples/cases", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(r.stderr).toMatch(new RegExp(`^kyocho: wrote ${lines.length} example\\(s\\) \\(lending \\d+, legal \\d+, fx \\d+, markets \\d+\\) from 24 case\\(s\\) to `));

    const examples = lines.map((line, i) => {
      const parsed = ChatFineTuningLineSchema.safeParse(JSON.parse(line));
      expect(parsed.success, `line ${i + 1}: ${parsed.error?.issues[0]?.message}`).toBe(true);
      return parsed.data!;
    });
    // 14 cases, 2 to 4 experts each.
    expect(examples.length).toBeGreaterThanOrEqual(28);
    for (const { messages } of examples) {
      expect(messages.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
      expect(messages[0]!.content).toContain("Passages of the bank's documents retrieved for the sub-question:");
      expect(messages[1]!.content).toContain('<data name="case">');
      const answer = JSON.parse(messages[2]!.content);
      expect(Object.keys(answer)).toEqual(["narrative", "findings", "metrics"]);
    }

    // The lending answer of example (1): its sub-question, FX's results it builds on, no finding, its metrics.
    const lending = examples.find((e) => e.messages[1]!.content.startsWith("Can we lend USD 120m to Sakura Precision") && e.messages[0]!.content.startsWith("You are the lending expert"));
    expect(lending).toBeDefined();
    expect(lending!.messages[1]!.content).toContain('<data name="dependencies">');
    const answer = JSON.parse(lending!.messages[2]!.content);
    expect(answer.findings).toEqual([]);
    expect(answer.metrics.leverage).toBe(3.25);
    // A Japanese case keeps its Japanese sub-question and passages.
    expect(examples.some((e) => e.messages[1]!.content.startsWith("株式会社さくら不動産向け") && /lending\/[\w-]+\.ja\.md/.test(e.messages[0]!.content))).toBe(true);
  });

  it("refuses a folder that does not exist with exit 2", () => {
    const r = runCli(["export", "sft", "--cases", "no/such/dir", "--out", join(tmpdir(), "x.jsonl")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kyocho: case directory no\/such\/dir: not found/);
  });
});
