import type { z } from "zod";
import { parseWith } from "../validation/parse-with.js";
import { readDataFile } from "../validation/read-data-file.js";
import { CaseSchema, type Case } from "./case-schema.js";

/**
 * Validates a parsed case object. `schema` defaults to the standard case
 * schema; a council with custom experts passes its own.
 *
 * @example
 * const c = parseCase({ borrower: { name: "Acme", country: "JP" } });
 */
export function parseCase(value: unknown, options: { source?: string; schema?: z.ZodType } = {}): Case {
  return parseWith(options.schema ?? CaseSchema, value, { source: options.source ?? "case" }) as Case;
}

/** Reads and validates a case file (JSON or YAML). */
export function loadCaseFile(path: string, options: { schema?: z.ZodType } = {}): Case {
  const raw = readDataFile(path, "case file");
  return parseCase(raw, { source: `case file ${path}`, ...options });
}
