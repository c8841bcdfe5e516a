import { readFileSync } from "node:fs";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { UserInputError } from "../errors/kyocho-error.js";

/**
 * Reads a JSON or YAML file (chosen by extension; YAML otherwise, since YAML
 * is a superset of JSON) and returns the parsed value. Missing files and
 * syntax errors become {@link UserInputError}s that name the file and line.
 *
 * @example
 * const raw = readDataFile("examples/cases/acquisition.yaml", "case file");
 */
export function readDataFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory" : `cannot read (${code ?? "error"})`;
    throw new UserInputError(reason, { source: `${what} ${path}`, code: "FILE_UNREADABLE" });
  }
  return parseDataText(text, path.toLowerCase().endsWith(".json") ? "json" : "yaml", `${what} ${path}`);
}

/** Parses JSON or YAML text, naming `source` and the line in the error. */
export function parseDataText(text: string, format: "json" | "yaml", source: string): unknown {
  if (format === "json") {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new UserInputError(`invalid JSON (${(error as Error).message})`, { source, code: "BAD_SYNTAX" });
    }
  }
  try {
    return parseYaml(text, { prettyErrors: false });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      const first = error.message.split("\n")[0];
      throw new UserInputError(`invalid YAML${line ? ` at line ${line}` : ""} (${first})`, { source, code: "BAD_SYNTAX" });
    }
    throw error;
  }
}
