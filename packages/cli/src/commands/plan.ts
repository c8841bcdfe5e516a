import type { Command } from "commander";
import { UserInputError } from "@kyocho/core";
import { councilWithModels, questionFrom, readCase, resolveCouncil } from "../cli-context.js";
import { openModelContext } from "../model-context.js";
import { formatPlan } from "../output/format-plan.js";
import { createStyle } from "../output/style.js";

export function registerPlan(program: Command): void {
  program
    .command("plan")
    .description("Show how a question would be split into expert sub-tasks, without running them")
    .argument("[question...]", "the question, in English or Japanese")
    .option("-c, --case <file>", "case file (JSON or YAML)")
    .option(
      "--council <module>",
      "a module exporting your council (export default defineCouncil({ experts, policy })): its experts instead of the reference four",
    )
    .option("-p, --policy <file>", "policy file replacing the council's own (the reference council: Reference Policy v2)")
    .option("--config <file>", "model configuration: plan with the configured planner model (also KYOCHO_CONFIG, KYOCHO_MODEL_BASE_URL)")
    .option("--json", "print the plan as JSON: { tasks: [{ id, expert, question, dependsOn, role }], rationale, planner }")
    .action(async (words: string[], options: { case?: string; policy?: string; json?: boolean; config?: string; council?: string }) => {
      const resolved = await resolveCouncil(options);
      const council = councilWithModels(
        resolved,
        await openModelContext(
          options,
          resolved.experts.map((e) => e.name),
        ),
      );
      const c = readCase(council, options.case);
      const question = questionFrom(words, c);
      if (!question && !c) throw new UserInputError("give a question, a --case file, or both", { source: "plan" });
      const plan = await council.plan({ question, case: c });
      if (options.json) process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
      else process.stdout.write(formatPlan(plan, createStyle(process.stdout)));
    });
}
