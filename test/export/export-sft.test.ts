import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChatFineTuningLineSchema } from "@kyocho/eval";
import { runCli } from "../helpers/run-cli.js";

describe("kyocho export sft", () => {
  it("writes one valid OpenAI chat fine-tuning line per expert per case, grounded in the retrieved context", () => {
    const out = join(mkdtempSync(join(tmpdir(), "kyocho-sft-")), "data", "train.jsonl");
    const r = runCli(["export", "sft", "--cases", "examples/cases", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(r.stderr).toMatch(
      new RegExp(`^kyocho: wrote ${lines.length} example\\(s\\) \\(lending \\d+, legal \\d+, fx \\d+, markets \\d+\\) from 34 case\\(s\\) to `),
    );

    const examples = lines.map((line, i) => {
      const parsed = ChatFineTuningLineSchema.safeParse(JSON.parse(line));
      expect(parsed.success, `line ${i + 1}: ${parsed.error?.issues[0]?.message}`).toBe(true);
      return parsed.data!;
    });
    // 34 cases, 1 to 4 experts each (the markets-only books have one), every case in the file.
    expect(examples.length).toBeGreaterThanOrEqual(34);
    const caseIds = new Set(
      examples.map(({ messages }) => {
        const block = /<data name="case">\n?([\s\S]*?)\n?<\/data>/.exec(messages[1]!.content);
        return (JSON.parse(block![1]!) as { id?: string }).id;
      }),
    );
    expect(caseIds.size).toBe(34);
    for (const { messages } of examples) {
      expect(messages.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
      expect(messages[0]!.content).toContain("Passages of the bank's documents retrieved for the sub-question:");
      expect(messages[1]!.content).toContain('<data name="case">');
      const answer = JSON.parse(messages[2]!.content);
      expect(Object.keys(answer)).toEqual(["narrative", "findings", "metrics"]);
    }

    // The lending answer of example (1): its sub-question, FX's results it builds on, its one finding (the
    // FX-stressed DSCR (18.0 − 5.0717) / 12.5614 = 1.03x, high), its metrics (net leverage (60 + 18 − 12) / 24).
    const lending = examples.find(
      (e) => e.messages[1]!.content.startsWith("Can we lend USD 120m to Sakura Precision") && e.messages[0]!.content.startsWith("You are the lending expert"),
    );
    expect(lending).toBeDefined();
    expect(lending!.messages[1]!.content).toContain('<data name="dependencies">');
    const answer = JSON.parse(lending!.messages[2]!.content);
    expect(answer.findings.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity])).toEqual([["LEN-FXDSCR", "high"]]);
    expect(answer.metrics.leverage).toBe(2.75);
    expect(answer.metrics.fxStressedDscr).toBeCloseTo(1.029205, 6);
    // A Japanese case keeps its Japanese sub-question and passages.
    expect(examples.some((e) => e.messages[1]!.content.startsWith("株式会社さくら不動産向け") && /lending\/[\w-]+\.ja\.md/.test(e.messages[0]!.content))).toBe(
      true,
    );
  });

  it("refuses a folder that does not exist with exit 2", () => {
    const r = runCli(["export", "sft", "--cases", "no/such/dir", "--out", join(tmpdir(), "x.jsonl")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kyocho: case directory no\/such\/dir: not found/);
  });
});
