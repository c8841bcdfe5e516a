import type { Command } from "commander";
import { councilFromOptions } from "../cli-context.js";
import { createStyle } from "../output/style.js";

export function registerExperts(program: Command): void {
  program
    .command("experts")
    .description("List the experts of the council")
    .option(
      "--council <module>",
      "a module exporting your council (export default defineCouncil({ experts, policy })): its experts instead of the reference four",
    )
    .option("-p, --policy <file>", "policy file replacing the council's own (the reference council: Reference Policy v2)")
    .option("--json", "print as JSON")
    .action(async (options: { policy?: string; json?: boolean; council?: string }) => {
      const council = await councilFromOptions(options);
      const experts = council.experts.map((e) => ({
        name: e.name,
        domain: e.domain,
        description: e.description,
        keywords: e.keywords,
        knowledgeSections: e.knowledge.passages.length,
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(experts, null, 2)}\n`);
        return;
      }
      const style = createStyle(process.stdout);
      for (const e of experts) {
        process.stdout.write(`${style.bold(e.name.padEnd(9))} ${e.description}\n`);
        process.stdout.write(style.dim(`${" ".repeat(10)}${e.knowledgeSections} knowledge sections · keywords: ${e.keywords.slice(0, 8).join(", ")}…\n`));
      }
    });
}
