import type { Command } from "commander";
import { UserInputError, policyFingerprint } from "@kyocho/core";
import { councilWithModels, resolveCouncil } from "../cli-context.js";
import { openModelContext } from "../model-context.js";
import { planningMode } from "../option-parsers.js";
import { recordFinished } from "@kyocho/store";
import { openConfiguredStore, storeSetting } from "../store-context.js";
import { printAssessment, progressPrinter } from "./ask.js";

interface ResumeOptions {
  json?: boolean;
  quiet?: boolean;
  config?: string;
  council?: string;
  policy?: string;
  planning?: "speculative" | "sequential";
  html?: string;
  md?: string;
}

export function registerResume(program: Command): void {
  program
    .command("resume")
    .description("Continue a stored assessment that stopped part-way (a crash, a kill) from its checkpoint; the experts that answered are not asked again")
    .argument("<id>", "the assessment id (see `kyocho history --status running`)")
    .option("--council <module>", "the council module the assessment was asked with, if not the reference one")
    .option("-p, --policy <file>", "the policy file it was asked with, if not the reference one (its SHA-256 must match the record's)")
    .option("--config <file>", "model configuration, as for `kyocho ask`")
    .option("--planning <mode>", "as for `kyocho ask`", planningMode)
    .option("--json", "print the assessment as JSON")
    .option("-q, --quiet", "no progress on stderr")
    .option("--html <file>", "also write the report as one self-contained HTML file")
    .option("--md <file>", "also write the report as Markdown")
    .addHelpText("after", `\nExit codes: 0 assessed, 2 bad input or no assessment of that id, 1 internal error.`)
    .action(async (id: string, options: ResumeOptions) => {
      const store = await openConfiguredStore(storeSetting({}), "resume");
      try {
        const record = await store.get(id);
        if (!record) throw new UserInputError(`no assessment ${id}`);
        const resolved = await resolveCouncil(options);
        // The checkpoint holds the results of experts run under the recorded policy: finishing under another would mix two.
        if (policyFingerprint(resolved.policy).sha256 !== record.policy.sha256) {
          throw new UserInputError(
            `the policy differs from the one assessment ${id} was asked under (${record.policy.id} ${record.policy.version ?? ""}, sha256 ${record.policy.sha256.slice(0, 12)}…)`,
            { source: "--policy" },
          );
        }
        const modelContext = await openModelContext(
          options,
          resolved.experts.map((e) => e.name),
        );
        const council = councilWithModels(resolved, modelContext, { checkpointer: await store.checkpointer() });
        const progress = options.quiet ? undefined : progressPrinter();
        const assessment = await council.resume(id, progress ? { onEvent: progress } : {});
        if (!assessment) throw new UserInputError(`assessment ${id} has no checkpoint to continue from: run the same \`kyocho ask\` again`);
        const stored = await recordFinished(store, record, assessment);
        await printAssessment(assessment, options);
        if (!options.quiet) process.stderr.write(`kyocho: stored assessment ${stored.id} (${stored.status}) in ${store.location}\n`);
      } finally {
        await store.close();
      }
    });
}
