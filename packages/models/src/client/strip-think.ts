/**
 * Removes the reasoning a Qwen3-style model may still emit in its content:
 * every `<think>…</think>` block; text before a lone `</think>` (the chat
 * template opened the block in the prompt); and an unterminated `<think>` to
 * the end (the answer was cut off while thinking). Returns the answer alone,
 * trimmed, and how much reasoning was removed.
 *
 * @example
 * stripThink("<think>DSCR first…</think>\n{\"narrative\":\"…\"}").text // "{\"narrative\":\"…\"}"
 */
export function stripThink(content: string): { text: string; removedChars: number } {
  let text = content.replace(/<think>[\s\S]*?<\/think>/gi, "");
  const lone = text.search(/<\/think>/i);
  if (lone >= 0) text = text.slice(lone + "</think>".length);
  const open = text.search(/<think>/i);
  if (open >= 0) text = text.slice(0, open);
  text = text.trim();
  return { text, removedChars: Math.max(0, content.trim().length - text.length) };
}
