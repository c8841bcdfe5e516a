import type { z } from "zod";

/**
 * Renders a zod issue path as users write it: `fx.hedges[0].currency`.
 *
 * @example
 * formatPath(["fx", "hedges", 0, "currency"]) // "fx.hedges[0].currency"
 */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ""): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(root)";
}

/** The path and reason of the first issue of a failed parse, with unknown keys named in the path. */
export function describeFirstIssue(
  error: z.ZodError,
  prefix = "",
): { path: string; reason: string } {
  const issue = error.issues[0];
  if (!issue) return { path: prefix || "(root)", reason: "invalid" };
  const path = [...issue.path];
  let reason = issue.message;
  if (issue.code === "unrecognized_keys" && issue.keys.length > 0) {
    path.push(issue.keys[0]!);
    reason = "unknown key (not part of the schema)";
  }
  // A union error's own message ("Invalid input") says nothing; its branches do.
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const branch = issue.errors.flat()[0];
    if (branch) {
      path.push(...branch.path);
      reason = branch.message;
    }
  }
  return { path: formatPath(path, prefix), reason };
}
