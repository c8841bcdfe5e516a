import { createReadStream, existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DEFAULT_LIMITS, LimitExceededError } from "@kyocho/core/limits";
import { KyochoError, UserInputError } from "@kyocho/core";
import { batchKey, parseBatchLine, type BatchItem, type BatchLineContext, type BatchLineError } from "./batch-input.js";
import { readBatchLines } from "./batch-lines.js";
import { BatchOutputWriter, readExistingOutput } from "./batch-output.js";

/** Where a batch stands; reported after every line. */
export interface BatchProgress {
  /** Non-blank input lines, when counted up front. */
  total: number | undefined;
  /** Input lines dealt with so far: assessed, failed, skipped or duplicate. */
  handled: number;
  /** Lines written as `{ id, assessment }` in this run. */
  assessed: number;
  /** Lines written as `{ id, error }` in this run (bad lines, failed assessments). */
  failed: number;
  /** Lines whose id the output already held (a resumed run). */
  skipped: number;
  /** Lines whose id an earlier line of this run already had. */
  duplicates: number;
  /** Lines left out of the output because the failure was the infrastructure's; a re-run retries them. */
  unfinished: number;
  /** Assessments in flight. */
  running: number;
  elapsedMs: number;
}

/** How a batch ended. */
export interface BatchSummary extends BatchProgress {
  /** True when `signal` stopped the batch before the end of the input. */
  interrupted: boolean;
  output: string;
}

/** Options of {@link runBatch}. */
export interface BatchRunOptions<A> {
  /** The input JSONL file: one `{ id, question?, case? | caseFile? }` per line. */
  input: string;
  /** The output JSONL file: one `{ id, assessment }` or `{ id, error }` per line; appended to. */
  output: string;
  /** Assessments in flight at once; default 8. */
  concurrency?: number;
  /** Bytes of one input line; a longer line is written as a `LIMIT_EXCEEDED` error and the batch goes on. Default: the `maxBatchLineBytes` limit (4 MiB). */
  maxLineBytes?: number;
  /** How cases are validated and case files read (the council's schema). */
  parseCase: BatchLineContext["parseCase"];
  loadCaseFile?: BatchLineContext["loadCaseFile"];
  /** Assesses one line (the council's `assess`, in process or through the queue). */
  assess(item: BatchItem): Promise<A>;
  /**
   * Failures that are not the line's fault and may pass (Redis went away, no
   * result in time): such a line is not written, so the next run tries it
   * again. Default: none — every failure is written as `{ id, error }`.
   */
  isRetryable?(error: unknown): boolean;
  /** Stops reading new lines; the assessments in flight finish and are written. */
  signal?: AbortSignal;
  /** Count the input's lines first, for a progress total and ETA (one quick pass); default true. */
  countLines?: boolean;
  onProgress?(progress: BatchProgress): void;
  onWarning?(message: string): void;
}

/**
 * Runs a JSONL batch of questions: streams the input (never loaded whole),
 * assesses up to `concurrency` lines at once, and appends one line per input
 * line to the output as each finishes (so output order is completion order).
 *
 * Resumable: ids already in the output are skipped, so re-running the same
 * command after an interruption finishes the batch, and the output never
 * holds an id twice (a repeated id in the input is skipped with a warning).
 * A bad line — invalid JSON, an unknown key, a case that fails validation —
 * becomes `{ id, error }` (the line number standing in for a missing id) and
 * the batch goes on.
 *
 * @example
 * const summary = await runBatch({
 *   input: "questions.jsonl", output: "answers.jsonl", concurrency: 16,
 *   parseCase: (raw, source) => council.parseCase(raw, source),
 *   assess: (item) => council.assess({ question: item.question, case: item.case }),
 * });
 * console.log(`${summary.assessed} assessed, ${summary.failed} failed`);
 */
export async function runBatch<A>(options: BatchRunOptions<A>): Promise<BatchSummary> {
  const { input, output } = checkBatchFiles(options.input, options.output);
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UserInputError(`must be a positive integer, got ${concurrency}`, { source: "concurrency" });

  const started = performance.now();
  const warn = (message: string): void => options.onWarning?.(message);
  const existing = await readExistingOutput(output);
  if (existing.repaired) warn(`${options.output}: cut off a torn last line (its id runs again)`);
  if (existing.unreadable > 0) warn(`${options.output}: ${existing.unreadable} line(s) are not JSON with an id; left as they are`);

  const progress: BatchProgress = {
    total: options.countLines === false ? undefined : await countBatchLines(input),
    handled: 0,
    assessed: 0,
    failed: 0,
    skipped: 0,
    duplicates: 0,
    unfinished: 0,
    running: 0,
    elapsedMs: 0,
  };
  const report = () => {
    progress.elapsedMs = performance.now() - started;
    options.onProgress?.({ ...progress });
  };
  report();

  const writer = new BatchOutputWriter(output);
  const seen = new Set<string>();
  const inflight = new Set<Promise<void>>();
  const context: BatchLineContext = {
    baseDir: dirname(input),
    parseCase: options.parseCase,
    ...(options.loadCaseFile ? { loadCaseFile: options.loadCaseFile } : {}),
  };

  const run = async (item: BatchItem) => {
    try {
      const assessment = await options.assess(item);
      writer.write({ id: item.id, assessment });
      progress.assessed++;
    } catch (error) {
      if (options.isRetryable?.(error)) {
        progress.unfinished++;
        seen.delete(batchKey(item.id));
        warn(`line ${item.line} (id ${JSON.stringify(item.id)}) not finished, a re-run retries it: ${messageOf(error)}`);
      } else {
        writer.write({
          id: item.id,
          error: { code: error instanceof KyochoError ? error.code : "ASSESSMENT_FAILED", message: `line ${item.line}: ${messageOf(error)}` },
        });
        progress.failed++;
      }
    } finally {
      progress.running--;
      progress.handled++;
      report();
    }
  };

  const maxLineBytes = options.maxLineBytes ?? DEFAULT_LIMITS.maxBatchLineBytes;
  const lines = readBatchLines(input, { maxLineBytes });
  let interrupted = false;
  try {
    for await (const entry of lines) {
      const lineNumber = entry.line;
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      let parsed: BatchItem | BatchLineError;
      if ("tooLongBytes" in entry) {
        // Not read, so its id is unknown: the line number stands in for it, as for any line without a usable id.
        const limit = new LimitExceededError("maxBatchLineBytes", { actual: entry.tooLongBytes, max: maxLineBytes, unit: "bytes" });
        parsed = { id: lineNumber, line: lineNumber, error: { code: limit.code, message: `line ${lineNumber}: ${limit.message}` } };
      } else {
        if (!entry.text.trim()) continue;
        parsed = parseBatchLine(entry.text, lineNumber, context);
      }
      const key = batchKey(parsed.id);
      if (existing.done.has(key)) {
        progress.skipped++;
        progress.handled++;
        report();
        continue;
      }
      if (seen.has(key)) {
        progress.duplicates++;
        progress.handled++;
        warn(`line ${lineNumber}: id ${JSON.stringify(parsed.id)} appeared on an earlier line; skipped`);
        report();
        continue;
      }
      seen.add(key);
      if ("error" in parsed) {
        writer.write({ id: parsed.id, error: parsed.error });
        progress.failed++;
        progress.handled++;
        report();
        continue;
      }
      progress.running++;
      const task: Promise<void> = run(parsed).finally(() => inflight.delete(task));
      inflight.add(task);
      if (inflight.size >= concurrency) await Promise.race(inflight);
    }
    await Promise.all(inflight);
  } finally {
    await lines.return(undefined);
    writer.close();
  }
  if (!interrupted && options.signal?.aborted && progress.total !== undefined && progress.handled < progress.total) interrupted = true;
  progress.elapsedMs = performance.now() - started;
  return { ...progress, interrupted, output };
}

/**
 * Checks a batch's files before anything runs: the input exists and is a
 * file, the output is another file in an existing folder. Returns both as
 * absolute paths; throws a `UserInputError` (exit code 2) naming the file.
 *
 * @example
 * checkBatchFiles("questions.jsonl", "answers.jsonl") // { input: "/…/questions.jsonl", output: "/…/answers.jsonl" }
 */
export function checkBatchFiles(inputPath: string, outputPath: string): { input: string; output: string } {
  const input = resolve(inputPath);
  const output = resolve(outputPath);
  if (!existsSync(input)) throw new UserInputError("file not found", { source: `input file ${inputPath}`, code: "FILE_UNREADABLE" });
  if (statSync(input).isDirectory()) throw new UserInputError("is a directory", { source: `input file ${inputPath}`, code: "FILE_UNREADABLE" });
  if (input === output) throw new UserInputError("must not be the input file", { source: `output file ${outputPath}` });
  if (!existsSync(dirname(output))) throw new UserInputError("its folder does not exist", { source: `output file ${outputPath}`, code: "FILE_UNREADABLE" });
  if (existsSync(output) && statSync(output).isDirectory())
    throw new UserInputError("is a directory", { source: `output file ${outputPath}`, code: "FILE_UNREADABLE" });
  return { input, output };
}

/**
 * Counts the non-blank lines of a file in one streaming pass (for a progress
 * total), without holding the file in memory.
 *
 * @example
 * await countBatchLines("questions.jsonl") // 1000
 */
export async function countBatchLines(path: string): Promise<number> {
  let count = 0;
  let blank = true;
  for await (const chunk of createReadStream(path)) {
    for (const byte of chunk as Buffer) {
      if (byte === 0x0a) {
        if (!blank) count++;
        blank = true;
      } else if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) blank = false;
    }
  }
  return blank ? count : count + 1;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "error";
}
