import type { z } from "zod";
import { checkCaseLimits } from "../limits/check-limits.js";
import { DEFAULT_LIMITS, type Limits } from "../limits/limits-schema.js";
import { parseWith } from "../validation/parse-with.js";
import { readDataFile } from "../validation/read-data-file.js";
import { CaseSchema, type Case } from "./case-schema.js";

/**
 * Validates a parsed case object. `schema` defaults to the standard case
 * schema; a council with custom experts passes its own. The case limits
 * (`maxQuestionChars`, `maxPositions`; default {@link DEFAULT_LIMITS}) are
 * checked first, so an oversized case is refused before any validation work.
 *
 * @example
 * const c = parseCase({ borrower: { name: "Acme", country: "JP" } });
 */
export function parseCase(value: unknown, options: { source?: string; schema?: z.ZodType; limits?: Limits | undefined } = {}): Case {
  const source = options.source ?? "case";
  checkCaseLimits(value, options.limits ?? DEFAULT_LIMITS, source);
  return parseWith(options.schema ?? CaseSchema, value, { source }) as Case;
}

/** Reads and validates a case file (JSON or YAML), within the file and case limits. */
export function loadCaseFile(path: string, options: { schema?: z.ZodType; limits?: Limits | undefined } = {}): Case {
  const raw = readDataFile(path, "case file", { maxBytes: (options.limits ?? DEFAULT_LIMITS).maxFileBytes });
  return parseCase(raw, { source: `case file ${path}`, ...options });
}
