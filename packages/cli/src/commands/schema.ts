import type { Command } from "commander";
import { AssessmentSchema, PlanSchema, UserInputError } from "@kyocho/core";
import { councilFromOptions } from "../cli-context.js";

const SCHEMAS = ["case", "plan", "assessment"] as const;

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description(`Print a JSON Schema: ${SCHEMAS.join(", ")}`)
    .argument("<name>", SCHEMAS.join(" | "))
    .action(async (name: string) => {
      let schema: unknown;
      if (name === "case") schema = (await councilFromOptions({})).caseJsonSchema();
      else if (name === "plan") schema = PlanSchema.toJSONSchema({ io: "input" });
      else if (name === "assessment") schema = AssessmentSchema.toJSONSchema();
      else throw new UserInputError(`unknown schema "${name}" (one of ${SCHEMAS.join(", ")})`, { source: "schema", path: "name" });
      process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
