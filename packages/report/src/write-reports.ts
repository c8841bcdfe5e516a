import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { UserInputError, type Assessment } from "@kyocho/core";
import { renderHtml, type ReportOptions } from "./render-html.js";
import { renderMarkdown } from "./render-markdown.js";

/** Where to write the reports of one assessment; either may be left out. */
export interface ReportTargets {
  html?: string | undefined;
  md?: string | undefined;
}

/** A report written: its path, format and size. */
export interface WrittenReport {
  path: string;
  format: "html" | "md";
  bytes: number;
}

/**
 * Renders and writes the HTML and/or Markdown report of an assessment,
 * creating the folders they go in. A path that cannot be written is a
 * one-line input error naming the option.
 *
 * @example
 * writeReports(assessment, { html: "out/report.html", md: "out/report.md" })
 * // [{ path: "out/report.html", format: "html", bytes: 48211 }, …]
 */
export function writeReports(assessment: Assessment, targets: ReportTargets, options: ReportOptions = {}): WrittenReport[] {
  const written: WrittenReport[] = [];
  const jobs: Array<[format: "html" | "md", path: string | undefined, render: () => string]> = [
    ["html", targets.html, () => renderHtml(assessment, options)],
    ["md", targets.md, () => renderMarkdown(assessment, options)],
  ];
  for (const [format, path, render] of jobs) {
    if (!path) continue;
    const text = render();
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new UserInputError(`cannot write ${path} (${code})`, { source: `--${format}`, code: "FILE_UNWRITABLE" });
    }
    written.push({ path, format, bytes: Buffer.byteLength(text) });
  }
  return written;
}
