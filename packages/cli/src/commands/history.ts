import type { Command } from "commander";
import { UserInputError } from "@kyocho/core";
import type { AssessmentRecord } from "@kyocho/store";
import { openConfiguredStore, storeSetting } from "../store-context.js";

interface HistoryOptions {
  status?: string;
  since?: string;
  json?: boolean;
  limit?: string;
}

export function registerHistory(program: Command): void {
  program
    .command("history")
    .description("List the stored assessments, newest first (the store of `kyocho ask`)")
    .option("--status <status>", "only this status: running, completed, awaiting_signoff, approved, declined, returned")
    .option("--since <date>", "only those requested on or after this date (YYYY-MM-DD, UTC) or time (ISO 8601)")
    .option("--json", "print the records as JSON (without the assessments; `kyocho show ID --json` gives one)")
    .addHelpText(
      "after",
      `
Examples:
  kyocho history
  kyocho history --status awaiting_signoff
  kyocho history --since 2026-12-01 --json

The store: .kyocho/kyocho.db, KYOCHO_STORE=FILE, or KYOCHO_DATABASE_URL=postgres://…
Exit codes: 0 listed, 2 bad input (the message names the option), 1 internal error.`,
    )
    .action(async (options: HistoryOptions) => {
      const status = options.status === undefined ? undefined : statusOption(options.status);
      const since = options.since === undefined ? undefined : sinceOption(options.since);
      const store = await openConfiguredStore(storeSetting({}), "history");
      try {
        const records = await store.list({ status, since });
        if (options.json)
          process.stdout.write(
            `${JSON.stringify(
              records.map(({ assessment: _assessment, ...rest }) => rest),
              null,
              2,
            )}\n`,
          );
        else process.stdout.write(historyTable(records));
      } finally {
        await store.close();
      }
    });
}

function statusOption(value: string): string {
  if (!/^[a-z_]+$/.test(value)) throw new UserInputError(`"${value}" is not a status (e.g. awaiting_signoff, approved)`, { source: "--status" });
  return value;
}

/** A date is the start of that UTC day; a time is taken as given. */
function sinceOption(value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw new UserInputError(`"${value}" is not a date (YYYY-MM-DD) or ISO 8601 time`, { source: "--since" });
  return new Date(time).toISOString();
}

/** One line per record, columns padded to their widest cell; the question cut to keep a line on a terminal. */
export function historyTable(records: readonly AssessmentRecord[]): string {
  if (records.length === 0) return "no stored assessments\n";
  const header = ["ID", "REQUESTED (UTC)", "STATUS", "DECISION", "RATING", "BY", "QUESTION"];
  const rows = records.map((r) => [
    r.id,
    r.createdAt.slice(0, 16).replace("T", " "),
    r.status,
    r.decision ?? "-",
    r.rating ?? "-",
    r.requestedBy,
    cut(r.question, 48),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ")}\n`;
  return line(header) + rows.map(line).join("");
}

function cut(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
