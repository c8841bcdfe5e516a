/**
 * Escapes text for a Markdown table cell or inline text: the punctuation
 * that opens emphasis, code, links or cells is backslash-escaped, `<` and
 * `>` become entities (so raw HTML in a case — `<script>` — stays text in
 * every renderer), and line breaks become spaces (a table row is one line).
 *
 * @example
 * escapeMarkdown("A | B <b>") // "A \\| B &lt;b&gt;"
 */
export function escapeMarkdown(value: unknown): string {
  return (
    String(value ?? "")
      .replace(/\r?\n+/g, " ")
      // Only what can open emphasis, code, links or cells mid-line: the text never starts a line of its own.
      .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
  );
}

/**
 * An identifier (a rule id, a task id) as inline code when it is a plain
 * identifier, else as escaped text: nothing from a case ever sits raw in a
 * code span.
 *
 * @example
 * markdownCode("LEN-LEV") // "`LEN-LEV`"
 */
export function markdownCode(value: string): string {
  return /^[A-Za-z0-9._:-]+$/.test(value) ? `\`${value}\`` : escapeMarkdown(value);
}
