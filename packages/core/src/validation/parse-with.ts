import type { z } from "zod";
import { UserInputError } from "../errors/kyocho-error.js";
import { describeFirstIssue } from "./format-issues.js";

/**
 * Parses `value` with `schema`, turning a failure into a one-line
 * {@link UserInputError} that names the source and the field path.
 *
 * @example
 * const c = parseWith(CaseSchema, json, { source: "case file deal.json" });
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, options: { source: string; pathPrefix?: string }): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { path, reason } = describeFirstIssue(result.error, options.pathPrefix);
  throw new UserInputError(reason, { path, source: options.source, cause: result.error });
}
