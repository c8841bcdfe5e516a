import type { Command } from "commander";
import { UserInputError } from "@kyocho/core";
import { openConfiguredStore, storeSetting } from "../store-context.js";
import { printAssessment } from "./ask.js";

interface ShowOptions {
  json?: boolean;
  html?: string;
  md?: string;
}

export function registerShow(program: Command): void {
  program
    .command("show")
    .description("Print a stored assessment (as `kyocho ask` printed it) with its record: status, requester, policy, sign-offs")
    .argument("<id>", "the assessment id (see `kyocho history`)")
    .option("--json", "print the record as JSON: the assessment, its status and its sign-offs")
    .option("--html <file>", "write the report as one self-contained HTML file")
    .option("--md <file>", "write the report as Markdown")
    .addHelpText(
      "after",
      `
Examples:
  kyocho show a-3f9c0d1e2b4a5c6d7e8f
  kyocho show a-3f9c0d1e2b4a5c6d7e8f --html report.html

Exit codes: 0 shown, 2 bad input or no assessment of that id, 1 internal error.`,
    )
    .action(async (id: string, options: ShowOptions) => {
      const store = await openConfiguredStore(storeSetting({}), "show");
      try {
        const record = await store.get(id);
        if (!record) throw new UserInputError(`no assessment ${id}`);
        const signoffs = await store.signoffs(id);
        // The 稟議 trail both ways: the returned assessment this one re-asks, and the one that re-asked this.
        const successor = (await store.supersededBy(id))[0];
        const predecessor = record.supersedes === undefined ? undefined : await store.get(record.supersedes);
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ ...record, supersedes: record.supersedes ?? null, supersededBy: successor?.id ?? null, signoffs }, null, 2)}\n`,
          );
          return;
        }
        const returnedReason = predecessor?.assessment?.signoff?.returnedReason;
        const head = [
          `assessment ${record.id}: ${record.status}`,
          `requested by ${record.requestedBy} at ${record.createdAt}; policy ${record.policy.id}${record.policy.version ? ` ${record.policy.version}` : ""} (sha256 ${record.policy.sha256.slice(0, 12)}…)`,
          ...signoffs.map(
            (s) =>
              `signed by ${s.signer} (${s.role}) at ${s.signedAt}: ${s.decision}${s.conditions.length ? `; conditions: ${s.conditions.join("; ")}` : ""}${s.reason ? `; reason: ${s.reason}` : ""}`,
          ),
          ...(record.supersedes !== undefined
            ? [
                `supersedes ${record.supersedes}${predecessor ? ` (${predecessor.status}${returnedReason ? `: ${returnedReason}` : ""})` : " (not in this store)"}`,
              ]
            : []),
          ...(successor ? [`superseded by ${successor.id} (${successor.status}), requested by ${successor.requestedBy} at ${successor.createdAt}`] : []),
        ];
        process.stdout.write(`${head.join("\n")}\n\n`);
        if (!record.assessment) {
          process.stdout.write(`not finished: \`kyocho resume ${record.id}\` continues it\n`);
          return;
        }
        await printAssessment(record.assessment, { html: options.html, md: options.md });
      } finally {
        await store.close();
      }
    });
}
