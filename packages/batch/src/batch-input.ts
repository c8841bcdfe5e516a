import { isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, describeFirstIssue, NO_CONTROL_CHARACTERS } from "@kyocho/core/validation";
import { KyochoError, type Case } from "@kyocho/core";

/** A batch line's id, as written in the input: a string or a non-negative integer. */
export type BatchId = string | number;

/**
 * One input line of `kyocho batch`: `{ id, question?, case? | caseFile? }`.
 * `caseFile` is a path, relative to the input file or absolute. Unknown keys
 * are refused, as in case files, so a typo (`qestion`) is an error, not a
 * silently empty question.
 *
 * @example
 * BatchLineSchema.parse({ id: "q1", question: "Can we lend?", caseFile: "cases/deal.yaml" });
 */
export const BatchLineSchema = z.strictObject({
  id: z.union([z.string().min(1).max(256), z.number().int().nonnegative()]),
  question: z.string().regex(NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE).optional(),
  case: z.record(z.string(), z.unknown()).optional(),
  caseFile: z.string().min(1).optional(),
});

/** A line ready to assess. */
export interface BatchItem {
  id: BatchId;
  /** 1-based line number in the input file. */
  line: number;
  question: string;
  case: Case | undefined;
}

/** A line that cannot be assessed, with the reason; written to the output as `{ id, error }`. */
export interface BatchLineError {
  id: BatchId;
  line: number;
  error: { code: string; message: string };
}

/** What {@link parseBatchLine} needs besides the text. */
export interface BatchLineContext {
  /** The input file's folder: relative `caseFile` paths start here. */
  baseDir: string;
  /** Validates a raw case (the council's `parseCase`); throws a `UserInputError` naming the field. */
  parseCase(raw: unknown, source: string): Case;
  /** Reads and validates a case file; default: none (every `caseFile` line is an error). */
  loadCaseFile?(path: string): Case;
}

/**
 * Turns one input line into a {@link BatchItem}, or a {@link BatchLineError}
 * saying what is wrong with it (bad JSON, an unknown key, a case that fails
 * validation, a missing case file). A line without a usable id gets its line
 * number as id, so the output still accounts for it.
 *
 * @example
 * parseBatchLine('{"id":"q1","question":"Can we lend?","caseFile":"deal.yaml"}', 1, context)
 * // { id: "q1", line: 1, question: "Can we lend?", case: { … } }
 * parseBatchLine("{oops", 7, context)
 * // { id: 7, line: 7, error: { code: "BAD_LINE", message: "line 7: invalid JSON (…)" } }
 */
export function parseBatchLine(text: string, line: number, context: BatchLineContext): BatchItem | BatchLineError {
  const fail = (id: BatchId, code: string, message: string): BatchLineError => ({ id, line, error: { code, message: `line ${line}: ${message}` } });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(line, "BAD_LINE", `invalid JSON (${(error as Error).message})`);
  }
  const parsed = BatchLineSchema.safeParse(raw);
  if (!parsed.success) {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const id = BatchLineSchema.shape.id.safeParse(rawId).success ? (rawId as BatchId) : line;
    const { path, reason } = describeFirstIssue(parsed.error);
    return fail(id, "BAD_LINE", `${path}: ${rawId === undefined && path === "id" ? "missing (every line needs an id)" : reason}`);
  }
  const { id, question, case: inline, caseFile } = parsed.data;
  if (inline !== undefined && caseFile !== undefined) return fail(id, "BAD_LINE", "give case or caseFile, not both");
  let c: Case | undefined;
  try {
    if (inline !== undefined) c = context.parseCase(inline, "case");
    else if (caseFile !== undefined) {
      if (!context.loadCaseFile) return fail(id, "BAD_LINE", "caseFile is not supported here");
      c = context.loadCaseFile(isAbsolute(caseFile) ? caseFile : resolve(context.baseDir, caseFile));
    }
  } catch (error) {
    if (error instanceof KyochoError) return { id, line, error: { code: error.code, message: `line ${line}: ${error.message}` } };
    throw error;
  }
  const q = question?.trim() || c?.question?.trim() || "";
  if (!q && !c) return fail(id, "BAD_LINE", "give a question, a case (or caseFile), or both");
  return { id, line, question: q, case: c };
}

/**
 * The key an id is compared by: `7` and `"7"` are different ids.
 *
 * @example
 * batchKey("q1") // '"q1"'
 * batchKey(7)    // "7"
 */
export function batchKey(id: BatchId): string {
  return JSON.stringify(id);
}
