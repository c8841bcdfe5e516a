const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML and SVG, in element content and in quoted attribute
 * values alike. Every string that comes from a case, an assessment or a
 * model goes through it: a borrower named `<script>…</script>` is shown as
 * text, never run.
 *
 * @example
 * escapeHtml('Evil K.K. <script>alert("x")</script>') // 'Evil K.K. &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
