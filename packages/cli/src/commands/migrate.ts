import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import YAML from "yaml";
import { migrateCase } from "@kyocho/core/case";
import { readDataFile } from "@kyocho/core/validation";
import { UserInputError } from "@kyocho/core";

/**
 * `kyocho migrate case FILE [--out FILE]`: writes the v2 form of a v1 case
 * file (to stdout, or to --out as YAML or JSON by its extension) and prints,
 * one per line on stderr, what it could not know and the file must add.
 */
export function registerMigrate(program: Command): void {
  const migrate = program.command("migrate").description("Convert files to the current format");
  migrate
    .command("case")
    .description("Convert a v1 case file to v2, and list what the file must add")
    .argument("<file>", "the v1 case file (YAML or JSON)")
    .option("--out <file>", "write the v2 file here (.json for JSON, else YAML) instead of stdout")
    .action((file: string, options: { out?: string }) => {
      const raw = readDataFile(file, "case file");
      if ((raw as { schemaVersion?: unknown } | null)?.schemaVersion === 2) {
        throw new UserInputError("is already 2: nothing to migrate", { source: `case file ${file}`, path: "schemaVersion" });
      }
      const { case: migrated, unknowns } = migrateCase(raw);
      const text = options.out?.endsWith(".json") ? `${JSON.stringify(migrated, null, 2)}\n` : YAML.stringify(migrated, { lineWidth: 0 });
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
      for (const line of unknowns) process.stderr.write(`kyocho: add: ${line}\n`);
    });
}
