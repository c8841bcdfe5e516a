import type { z } from "zod";
import { checkCaseLimits } from "../limits/check-limits.js";
import { DEFAULT_LIMITS, type Limits } from "../limits/limits-schema.js";
import { UserInputError } from "../errors/kyocho-error.js";
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

/** The case file format this kyocho reads. */
export const CASE_SCHEMA_VERSION = 2;

/**
 * Refuses a case that does not say `schemaVersion: 2`: a v1 file measured
 * FX from the bank's side and kept exposures on the facility, so reading it
 * as v2 would give confident, wrong answers. The message names the command
 * that converts it. Applied to everything that arrives from outside (files,
 * batch lines); cases built in code go through {@link parseCase}.
 *
 * @example
 * requireCaseSchemaVersion(raw, "case file deal.yaml") // throws for a v1 file
 */
export function requireCaseSchemaVersion(raw: unknown, source: string, file = "FILE"): void {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return; // the schema says what is wrong
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (version === CASE_SCHEMA_VERSION) return;
  const reason =
    version === undefined
      ? `missing: this is a v1 case file; convert it with kyocho migrate case ${file} [--out FILE]`
      : `must be ${CASE_SCHEMA_VERSION}; convert a v1 file with kyocho migrate case ${file} [--out FILE]`;
  throw new UserInputError(reason, { path: "schemaVersion", source });
}

/** Reads and validates a case file (JSON or YAML), within the file and case limits; it must be a v2 file. */
export function loadCaseFile(path: string, options: { schema?: z.ZodType; limits?: Limits | undefined } = {}): Case {
  const raw = readDataFile(path, "case file", { maxBytes: (options.limits ?? DEFAULT_LIMITS).maxFileBytes });
  requireCaseSchemaVersion(raw, `case file ${path}`, path);
  return parseCase(raw, { source: `case file ${path}`, ...options });
}
