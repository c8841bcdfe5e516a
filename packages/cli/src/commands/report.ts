import type { Command } from "commander";
import { AssessmentSchema, UserInputError, type Assessment } from "@kyocho/core";
import { parseDataText, parseWith, readTextFile } from "@kyocho/core/validation";
import { renderMarkdown } from "@kyocho/report";
import { REPORT_LANGUAGES, type ReportLanguage } from "@kyocho/report";
import { writeReports } from "@kyocho/report";

interface ReportOptions {
  html?: string;
  md?: string;
  lang?: ReportLanguage | "auto";
  quiet?: boolean;
}

/**
 * `kyocho report ASSESSMENT.json`: the HTML and/or Markdown report of an
 * assessment saved with `kyocho ask --json` (or a `kyocho batch` output line).
 */
export function registerReport(program: Command): void {
  program
    .command("report")
    .description("Write the HTML and/or Markdown report of a saved assessment (kyocho ask --json)")
    .argument("<assessment>", "assessment JSON (`-` reads standard input); a `kyocho batch` output line { id, assessment } works too")
    .option("--html <file>", "write a self-contained HTML report (inline CSS and SVG, no network)")
    .option("--md <file>", "write a Markdown report")
    .option("--lang <lang>", "report language: auto (Japanese when the question is), en or ja", language, "auto")
    .option("-q, --quiet", "do not say which files were written")
    .addHelpText(
      "after",
      `
Without --html or --md, the Markdown report is printed.

Examples:
  kyocho ask --case examples/cases/acquisition-finance.yaml --json > assessment.json
  kyocho report assessment.json --html report.html --md report.md
  kyocho ask --case examples/cases/ringi-ja.yaml --json | kyocho report - --html ringi.html

Exit codes: 0 written, 2 bad input (the message names the field), 1 internal error.`,
    )
    .action(async (file: string, options: ReportOptions) => {
      const source = file === "-" ? "assessment (stdin)" : `assessment ${file}`;
      const assessment = readAssessment(file === "-" ? await readStdin() : readTextFile(file, source), source);
      const language = options.lang ?? "auto";
      if (!options.html && !options.md) {
        process.stdout.write(renderMarkdown(assessment, { language }));
        return;
      }
      for (const w of writeReports(assessment, { html: options.html, md: options.md }, { language })) {
        if (!options.quiet) process.stderr.write(`kyocho: wrote ${w.path} (${w.bytes.toLocaleString("en-US")} bytes)\n`);
      }
    });
}

/**
 * Parses and validates an assessment: JSON checked against the output
 * contract, so a bad file is refused with the path of its first bad field.
 */
export function readAssessment(text: string, source: string): Assessment {
  const raw = parseDataText(text, "json", source);
  const unwrapped =
    raw !== null && typeof raw === "object" && !Array.isArray(raw) && "assessment" in raw && Object.keys(raw).every((k) => k === "id" || k === "assessment")
      ? raw.assessment
      : raw;
  return parseWith(AssessmentSchema, unwrapped, { source });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

function language(value: string): ReportLanguage | "auto" {
  if (value === "auto" || (REPORT_LANGUAGES as readonly string[]).includes(value)) return value as ReportLanguage | "auto";
  throw new UserInputError(`"${value}" is not one of auto, ${REPORT_LANGUAGES.join(", ")}`, { source: "--lang" });
}
