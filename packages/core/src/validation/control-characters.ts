/**
 * Characters a terminal obeys rather than shows: C0 controls but tab, line
 * feed and carriage return (ESC starts the sequences that move the cursor,
 * erase lines and recolour text), DEL, C1 controls, and the bidirectional
 * overrides and isolates that reorder what is displayed.
 */
const CONTROL = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";

/**
 * Matches text free of terminal control characters (tab and line breaks
 * allowed): the pattern every free-text field of a case is held to, so a
 * name like `"Acme\u001b[1A\u001b[2KDecision APPROVE"` is refused with its
 * path instead of rewriting an analyst's screen.
 *
 * @example
 * z.string().regex(NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE)
 */
export const NO_CONTROL_CHARACTERS = new RegExp(`^[^${CONTROL}]*$`);

/** The message of a field that holds a control character. */
export const CONTROL_CHARACTERS_MESSAGE = "must not contain control characters (escape sequences, bidirectional overrides)";

const ANY_CONTROL = new RegExp(`[${CONTROL}]`, "g");

/**
 * Text safe to print on a terminal: every control character (tab and line
 * breaks kept) written as a visible `\u001b`-style escape. For anything
 * printed that kyocho did not write itself — case text, model answers.
 *
 * @example
 * printable("Acme\u001b[31m") // "Acme\\u001b[31m"
 */
export function printable(text: string): string {
  return text.replace(ANY_CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A copy of a JSON-like value with {@link printable} applied to every string in it.
 *
 * @example
 * formatAssessment(printableDeep(assessment), style)
 */
export function printableDeep<T>(value: T): T {
  if (typeof value === "string") return printable(value) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => printableDeep(item)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, printableDeep(v)])) as T;
  }
  return value;
}
