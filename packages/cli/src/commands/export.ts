import { createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Command } from "commander";
import { ChatFineTuningLineSchema, loadCaseSet, sftExamples } from "@kyocho/eval";
import { loadPolicyFile, UserInputError } from "@kyocho/core";
import { createReferenceCouncil } from "@kyocho/reference-council";

interface SftOptions {
  cases: string;
  out: string;
  policy?: string;
  quiet?: boolean;
}

/** `kyocho export`: data for other tools; `export sft` writes fine-tuning examples. */
export function registerExport(program: Command): void {
  const group = program.command("export").description("Export data for other tools (sft: chat-format fine-tuning examples per expert)");
  group
    .command("sft")
    .description("Write chat-format fine-tuning examples (one per expert per case) as JSON Lines")
    .requiredOption("--cases <dir>", "a folder of case files (YAML or JSON)")
    .requiredOption("-o, --out <file>", "the JSON Lines file to write (replaced)")
    .option("-p, --policy <file>", "policy file replacing the council's own (the reference council: Reference Policy v2)")
    .option("-q, --quiet", "no summary on stderr")
    .addHelpText(
      "after",
      `
Each line is one example in the OpenAI chat fine-tuning format, validated
before it is written: { "messages": [system, user, assistant] }, where

  system     the expert's role and the passages its retrieval found for the
             sub-question (the context a grounded answer rests on);
  user       the sub-question the plan gave the expert, then the case (and the
             results of the experts it runs after) as delimited data;
  assistant  the expert's answer as JSON: narrative, findings (rule id,
             severity, metrics, citations, condition) and metrics.

The answers are the embedded experts' (calculators, policy rules, retrieval),
so a bank fine-tunes its domain models on answers its policy stands behind.

Example:
  kyocho export sft --cases examples/cases --out train.jsonl`,
    )
    .action(async (options: SftOptions) => {
      const council = createReferenceCouncil(options.policy ? { policy: loadPolicyFile(options.policy) } : {});
      const cases = loadCaseSet(options.cases, { parseCase: (raw, source) => council.parseCase(raw, source) });
      if (cases.length === 0) throw new UserInputError("holds no case file (*.yaml, *.yml, *.json)", { source: `case directory ${options.cases}` });
      try {
        mkdirSync(dirname(options.out), { recursive: true });
      } catch (error) {
        throw new UserInputError(`cannot create the folder (${(error as NodeJS.ErrnoException).code ?? "error"})`, { source: "--out" });
      }
      const out = createWriteStream(options.out);
      const opened = new Promise<void>((resolve, reject) => {
        out.once("open", () => resolve());
        out.once("error", (error: NodeJS.ErrnoException) =>
          reject(new UserInputError(`cannot write ${options.out} (${error.code ?? "error"})`, { source: "--out" })),
        );
      });
      await opened;
      const perExpert = new Map<string, number>();
      let lines = 0;
      for (const c of cases) {
        const assessment = await council.assess({ question: c.question, case: c.case });
        for (const example of sftExamples({ assessment, case: c.case, experts: council.experts })) {
          // Validated again here, at the edge: a line that breaks the format is never written.
          const line = ChatFineTuningLineSchema.parse(example.line);
          out.write(`${JSON.stringify(line)}\n`);
          perExpert.set(example.expert, (perExpert.get(example.expert) ?? 0) + 1);
          lines++;
        }
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      if (!options.quiet) {
        const counts = council.experts
          .filter((e) => perExpert.has(e.name))
          .map((e) => `${e.name} ${perExpert.get(e.name)}`)
          .join(", ");
        process.stderr.write(`kyocho: wrote ${lines} example(s) (${counts}) from ${cases.length} case(s) to ${options.out}\n`);
      }
    });
}
