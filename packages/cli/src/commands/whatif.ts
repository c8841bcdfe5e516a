import { availableParallelism } from "node:os";
import { createWriteStream, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { UserInputError, type Case } from "@kyocho/core";
import { readDataFile } from "@kyocho/core/validation";
import { createCouncil, type Council } from "@kyocho/council";
import { parseBatchLine, readBatchLines } from "@kyocho/batch";
import {
  diffPolicies,
  renderWhatIfHtml,
  renderWhatIfMarkdown,
  renderWhatIfText,
  runWhatIf,
  type ChangedCase,
  type WhatIfInput,
  type WhatIfReport,
} from "@kyocho/whatif";
import { cliLimits, resolveCouncil } from "../cli-context.js";
import { positiveInteger } from "../option-parsers.js";
import { openConfiguredStore, storeSetting } from "../store-context.js";
import { whatIfProgressBar } from "../output/whatif-progress.js";

/** Above this many input lines a batch runs on worker threads (when the machine has more than one core). */
export const WORKER_THRESHOLD_LINES = 2000;

interface WhatIfOptions {
  policy: string;
  baseline?: string;
  cases?: string;
  batch?: string;
  store?: boolean;
  since?: string;
  json?: boolean;
  html?: string;
  md?: string;
  changed?: string;
  workers?: number;
  quiet?: boolean;
  council?: string;
}

export function registerWhatIf(program: Command): void {
  program
    .command("whatif")
    .description("Re-assess cases under a candidate policy and the one in force: which decisions change, and why")
    .requiredOption("-p, --policy <file>", "the candidate policy (YAML or JSON)")
    .option("--baseline <file>", "the policy in force (default: the council's own, the Reference Policy v2)")
    .option("--cases <dir>", "a folder of case files (*.yaml, *.yml, *.json; *.expected.json left out)")
    .option("--batch <file>", "a JSONL batch as `kyocho batch` reads it: { id, question?, case? | caseFile? } per line")
    .option("--store", "only the cases of --cases/--batch that the store holds an assessment of (matched by the case's SHA-256)")
    .option("--since <date>", "with --store: only records requested on or after this date (YYYY-MM-DD) or time")
    .option("--json", "print the result as JSON instead of text")
    .option("--html <file>", "write a self-contained HTML report; the changed cases' two assessments go beside it in <file>.cases/")
    .option("--md <file>", "write the report as Markdown")
    .option("--changed <file>", "write every changed case as one JSON line (no cap: the reports keep the first 1000)")
    .option(
      "--workers <n>",
      `worker threads (default: one per core but one when the input has more than ${WORKER_THRESHOLD_LINES} lines and the machine has more than two cores, else none)`,
      positiveInteger("--workers"),
    )
    .option("--council <module>", "a module exporting your council: its experts under both policies (runs in one thread)")
    .option("-q, --quiet", "no progress bar")
    .addHelpText(
      "after",
      `
Both policies are validated first, by every expert of the council; a policy that fails (a threshold of
the wrong type, a broken invariant of Reference Policy v2) is refused with the field path, exit 2, before
any case is read. Each case is assessed under both on the embedded path: no models, the rules decide.

The store keeps only each case's SHA-256, never the case: --store cannot re-assess a record on its own. Give
the cases with --cases or --batch, and --store keeps those the store has assessed (since --since).

Memory stays flat over any input: cases stream through, counts are folded as they come, and at most 1000
changed cases are kept for the reports (all of them are written to <html>.cases/ with --html, and to
--changed FILE as JSON lines).

Exit codes: 0 done, 2 bad command line, policy or missing input, 1 internal error.

Examples:
  kyocho whatif --policy examples/policies/tighter-leverage.yaml --cases examples/cases --html out/whatif.html
  kyocho whatif --policy candidate.yaml --baseline in-force.yaml --batch book.jsonl --json > impact.json`,
    )
    .action(async (options: WhatIfOptions) => {
      const sources = [options.cases, options.batch].filter(Boolean).length;
      if (sources !== 1)
        throw new UserInputError(
          options.store && sources === 0
            ? "the store keeps each case's SHA-256, not the case: give the cases with --cases DIR or --batch FILE, and --store keeps those it has assessed"
            : "give exactly one of --cases DIR or --batch FILE",
          { source: "whatif" },
        );
      if (options.since && !options.store) throw new UserInputError("only with --store", { source: "--since" });
      // Both policies, every expert's section included, are validated before anything is read or run.
      const council = options.council ? { council: options.council } : {};
      const candidate = await resolveCouncil({ policy: options.policy, ...council });
      const baseline = options.baseline ? await resolveCouncil({ policy: options.baseline, ...council }) : await resolveCouncil(council);
      const base = createCouncil({ experts: baseline.experts, policy: baseline.policy, limits: cliLimits() });
      const cand = createCouncil({ experts: candidate.experts, policy: candidate.policy, limits: cliLimits() });
      const changes = diffPolicies(baseline.policy, candidate.policy);

      const stored = options.store ? await storedCaseHashes(options.since) : undefined;
      const { inputs, total, source } = options.cases ? casesFromDir(options.cases, base) : await casesFromBatch(options.batch!, base);
      const cases = stored ? keepStored(inputs, stored, base) : inputs;
      const workers = options.council ? 1 : (options.workers ?? defaultWorkers(total));

      const html = options.html ? resolve(options.html) : undefined;
      const folder = html ? `${html.replace(/\.html?$/i, "")}.cases` : undefined;
      if (folder) mkdirSync(folder, { recursive: true });
      const changedOut = options.changed ? openLines(resolve(options.changed)) : undefined;
      let n = 0;
      const files = new Map<string, { before: string; after: string }>();
      const progress = options.quiet || !process.stderr.isTTY ? undefined : whatIfProgressBar(total);
      let summary;
      try {
        summary = await runWhatIf({
          councilBase: base,
          councilCandidate: cand,
          cases,
          workers,
          ...(progress ? { onProgress: (done: number) => progress.update(done) } : {}),
          ...(folder || changedOut
            ? {
                onChanged: async ({ change, before, after }) => {
                  await changedOut?.write(change);
                  if (!folder) return;
                  // Both assessments as reports beside the HTML: the reader opens the two side by side.
                  const { writeReports } = await import("@kyocho/report");
                  const stem = `${String(++n).padStart(5, "0")}-${String(change.id)
                    .replace(/[^\w.-]+/g, "_")
                    .slice(0, 80)}`;
                  writeReports(before, { html: join(folder, `${stem}.before.html`) });
                  writeReports(after, { html: join(folder, `${stem}.after.html`) });
                  files.set(key(change), { before: `${stem}.before.html`, after: `${stem}.after.html` });
                },
              }
            : {}),
        });
      } finally {
        progress?.stop();
        await changedOut?.close();
      }
      const report: WhatIfReport = {
        changes,
        summary,
        source,
        generatedAt: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
        ...(html && folder
          ? {
              link: (c: ChangedCase, side: "before" | "after") => {
                const f = files.get(key(c));
                return f ? `${relative(dirname(html), folder).split("\\").join("/")}/${f[side]}` : undefined;
              },
            }
          : {}),
      };
      if (html) write(html, renderWhatIfHtml(report), "--html");
      if (options.md) write(resolve(options.md), renderWhatIfMarkdown(report), "--md");
      if (options.json) process.stdout.write(`${JSON.stringify({ changes, ...summary, note: "embedded path: no models, the rules decide" }, null, 2)}\n`);
      else process.stdout.write(renderWhatIfText(report));
      if (html)
        process.stderr.write(
          `kyocho: wrote ${relative(process.cwd(), html)} (${summary.changedTotal} changed case(s) in ${relative(process.cwd(), folder!)}/)\n`,
        );
    });
}

/**
 * Worker threads for an input of `lines`: none up to {@link WORKER_THRESHOLD_LINES} (starting a worker and
 * building its two councils costs more than a small input takes); above it, one per core but one, which is
 * left to this thread (it reads, validates and folds every line). On two cores that is one worker: no gain
 * over this thread, so none.
 */
export function defaultWorkers(lines: number): number {
  const spare = availableParallelism() - 1;
  return lines > WORKER_THRESHOLD_LINES && spare > 1 ? spare : 1;
}

const key = (c: ChangedCase) => `${c.beforeAssessmentId}|${c.afterAssessmentId}|${String(c.id)}`;

function write(path: string, text: string, option: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new UserInputError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { source: option });
  }
}

/** A JSON-lines file written as the cases come, waiting for the stream to drain so memory stays flat. */
function openLines(path: string): { write(value: unknown): Promise<void>; close(): Promise<void> } {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new UserInputError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { source: "--changed" });
  }
  const out = createWriteStream(path);
  return {
    write: async (value) => {
      if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, "drain");
    },
    close: async () => {
      out.end();
      await once(out, "finish");
    },
  };
}

/** The case files of a folder, in name order, each validated as it is read (a bad one is counted, not fatal). */
function casesFromDir(dir: string, council: Council): { inputs: AsyncIterable<WhatIfInput>; total: number; source: string } {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => /\.(ya?ml|json)$/i.test(f) && !f.endsWith(".expected.json"))
      .sort();
  } catch (error) {
    throw new UserInputError(`cannot read the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { source: "--cases" });
  }
  if (names.length === 0) throw new UserInputError(`no case files (*.yaml, *.yml, *.json) in ${dir}`, { source: "--cases" });
  async function* inputs(): AsyncGenerator<WhatIfInput> {
    for (const name of names) {
      const id = name.replace(/\.(ya?ml|json)$/i, "");
      try {
        const path = join(dir, name);
        const c = council.parseCase(readDataFile(path, "case file", { maxBytes: cliLimits().maxFileBytes }), `case file ${path}`);
        yield { id, question: c.question?.trim() ?? "", case: c };
      } catch (error) {
        yield { id, error: { code: "BAD_CASE", message: error instanceof Error ? error.message : String(error) } };
      }
    }
  }
  return { inputs: inputs(), total: names.length, source: `${dir} (${names.length} files)` };
}

/** A batch file's lines, streamed; counted once first (a streaming pass) for the progress bar and the worker choice. */
async function casesFromBatch(path: string, council: Council): Promise<{ inputs: AsyncIterable<WhatIfInput>; total: number; source: string }> {
  const maxLineBytes = cliLimits().maxBatchLineBytes;
  let total = 0;
  try {
    for await (const line of readBatchLines(path, { maxLineBytes })) if ("tooLongBytes" in line || line.text.trim()) total++;
  } catch (error) {
    throw new UserInputError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { source: "--batch" });
  }
  const context = {
    baseDir: dirname(resolve(path)),
    parseCase: (raw: unknown, source: string) => council.parseCase(raw, source),
    loadCaseFile: (file: string): Case => council.parseCase(readDataFile(file, "case file", { maxBytes: cliLimits().maxFileBytes }), `case file ${file}`),
  };
  async function* inputs(): AsyncGenerator<WhatIfInput> {
    for await (const line of readBatchLines(path, { maxLineBytes })) {
      if ("tooLongBytes" in line) {
        yield { id: line.line, error: { code: "LIMIT_EXCEEDED", message: `line ${line.line}: ${line.tooLongBytes} bytes, over ${maxLineBytes}` } };
        continue;
      }
      if (!line.text.trim()) continue;
      const item = parseBatchLine(line.text, line.line, context);
      yield "error" in item ? { id: item.id, error: item.error } : { id: item.id, question: item.question, case: item.case };
    }
  }
  return { inputs: inputs(), total, source: `${basename(path)} (${total} lines)` };
}

/** The case SHA-256s of the stored records (since `since`): the store keeps the hash, never the case. */
async function storedCaseHashes(since: string | undefined): Promise<Set<string>> {
  const day = since !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(since);
  const time = since === undefined ? undefined : Date.parse(day ? `${since}T00:00:00Z` : since);
  if (time !== undefined && Number.isNaN(time)) throw new UserInputError(`"${since}" is not a date (YYYY-MM-DD) or ISO 8601 time`, { source: "--since" });
  const store = await openConfiguredStore(storeSetting({}), "whatif --store");
  try {
    // Only the hashes, streamed: the set grows with the distinct cases stored, never with their assessments.
    const hashes = new Set<string>();
    for await (const hash of store.caseHashes(time !== undefined ? { since: new Date(time).toISOString() } : {})) hashes.add(hash);
    return hashes;
  } finally {
    await store.close();
  }
}

async function* keepStored(inputs: AsyncIterable<WhatIfInput>, hashes: ReadonlySet<string>, council: Council): AsyncGenerator<WhatIfInput> {
  // Loaded here, as the store is: a what-if without --store loads no database driver.
  const { caseSha256 } = await import("@kyocho/store");
  for await (const input of inputs) {
    if ("error" in input) continue;
    // Hashed as `ask` and `batch` hash it when they store: the case as the council fixes it (its date filled in).
    const fixed = council.identify({ question: input.question, case: input.case }).case;
    const h = caseSha256(fixed);
    if (h && hashes.has(h)) yield input;
  }
}
