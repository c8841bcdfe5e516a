import type { z } from "zod";
import { NO_CONTROL_CHARACTERS, printable } from "./control-characters.js";

/**
 * Renders a zod issue path as users write it: `fx.hedges[0].currency`. A key
 * that is not a plain name (empty, with spaces, dots, quotes, line breaks or
 * control characters) is written quoted and escaped, `borrower["a\nb"]`, so
 * an error message stays one line and a crafted key cannot reach the terminal.
 *
 * @example
 * formatPath(["fx", "hedges", 0, "currency"]) // "fx.hedges[0].currency"
 * formatPath(["borrower", "bad\u001bkey"])     // 'borrower["bad\\u001bkey"]'
 */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ""): string {
  let out = prefix;
  for (const key of path) {
    const name = String(key);
    if (typeof key === "number") out += `[${key}]`;
    else if (!PLAIN_KEY.test(name) || !NO_CONTROL_CHARACTERS.test(name)) out += `[${printable(JSON.stringify(name))}]`;
    else out += out ? `.${name}` : name;
  }
  return out || "(root)";
}

const PLAIN_KEY = /^[^\s"'[\].\\]+$/;

/** The path and reason of the first issue of a failed parse, with unknown keys named in the path. */
export function describeFirstIssue(error: z.ZodError, prefix = ""): { path: string; reason: string } {
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
    // The branch the value was meant for is the one it has the right type for: `kyc: { status: x }` fails the
    // record branch on `status`, not the string branch on its type.
    const branches = issue.errors.map((errors) => errors[0]).filter((e) => e !== undefined);
    const branch = branches.find((e) => !(e.code === "invalid_type" && e.path.length === 0)) ?? branches[0];
    if (branch) {
      path.push(...branch.path);
      reason = branch.message;
    }
  }
  return { path: formatPath(path, prefix), reason };
}
