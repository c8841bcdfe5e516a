import { closeSync, openSync, readSync } from "node:fs";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { UserInputError } from "../errors/kyocho-error.js";
import { LimitExceededError } from "../limits/limit-exceeded-error.js";
import { DEFAULT_LIMITS } from "../limits/limits-schema.js";
import { printable } from "./control-characters.js";

/**
 * Reads a JSON or YAML file (chosen by extension; YAML otherwise, since YAML
 * is a superset of JSON) and returns the parsed value. Missing files and
 * syntax errors become {@link UserInputError}s that name the file and line.
 * At most `maxBytes` are read (default: the `maxFileBytes` limit, 4 MiB): a
 * larger file — or an endless one, such as `/dev/zero` — is refused with the
 * limit's name instead of filling memory.
 *
 * @example
 * const raw = readDataFile("examples/cases/acquisition.yaml", "case file");
 */
export function readDataFile(path: string, what: string, options: { maxBytes?: number } = {}): unknown {
  const text = readTextFile(path, `${what} ${path}`, options);
  return parseDataText(text, path.toLowerCase().endsWith(".json") ? "json" : "yaml", `${what} ${path}`);
}

/**
 * Reads a text file, at most `maxBytes` of it (default: the `maxFileBytes`
 * limit), turning a missing or unreadable file into a {@link UserInputError}
 * that names `source`.
 *
 * @example
 * const text = readTextFile("examples/eval/routing.jsonl", "routing set examples/eval/routing.jsonl");
 */
export function readTextFile(path: string, source: string, options: { maxBytes?: number } = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxFileBytes;
  try {
    return readBounded(path, maxBytes, source);
  } catch (error) {
    if (error instanceof LimitExceededError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory" : `cannot read (${code ?? "error"})`;
    throw new UserInputError(reason, { source, code: "FILE_UNREADABLE" });
  }
}

/** Parses JSON or YAML text, naming `source` and the line in the error. */
export function parseDataText(text: string, format: "json" | "yaml", source: string): unknown {
  if (format === "json") {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new UserInputError(`invalid JSON (${oneLine((error as Error).message)})`, { source, code: "BAD_SYNTAX" });
    }
  }
  try {
    return parseYaml(text, { prettyErrors: false });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      const first = oneLine(error.message.split("\n")[0] ?? "");
      throw new UserInputError(`invalid YAML${line ? ` at line ${line}` : ""} (${first})`, { source, code: "BAD_SYNTAX" });
    }
    // The parser's own guards (an alias bomb: "Excessive alias count…"; nesting too deep for the stack) are bad input too.
    if (error instanceof ReferenceError || error instanceof RangeError) {
      throw new UserInputError(`invalid YAML (${oneLine(error.message.split("\n")[0] ?? "")})`, { source, code: "BAD_SYNTAX" });
    }
    throw error;
  }
}

/** A parser's message as one printable line: it may quote the file, line breaks and escape sequences included. */
function oneLine(message: string): string {
  const flat = printable(message.replace(/\r?\n/g, "\\n"));
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

/** The file's text, read in chunks and refused once it passes `maxBytes`. */
function readBounded(path: string, maxBytes: number, source: string): string {
  const fd = openSync(path, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) {
        throw new LimitExceededError("maxFileBytes", { actual: maxBytes, max: maxBytes, unit: "bytes", atLeast: true, source });
      }
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
