/**
 * Finds the JSON value in a model's text: the whole text when it is JSON,
 * else the first fenced block (```json … ```), else the first balanced
 * `{…}` or `[…]` after any leading prose. Returns the candidate text, or
 * `undefined` when there is none; it does not parse.
 *
 * @example
 * extractJson('Here is my answer:\n```json\n{"confidence": 0.8}\n```') // '{"confidence": 0.8}'
 */
export function extractJson(text: string): string | undefined {
  const trimmed = text.trim().replace(/^\uFEFF/, "");
  if (trimmed === "") return undefined;
  if (/^[{[]/.test(trimmed) && /[}\]]$/.test(trimmed)) return trimmed;
  const fence = /```(?:json|JSON|jsonc)?\s*\n?([\s\S]*?)```/.exec(trimmed);
  if (fence && /^\s*[{[]/.test(fence[1]!)) return fence[1]!.trim();
  const start = trimmed.search(/[{[]/);
  if (start < 0) return undefined;
  return balancedFrom(trimmed, start) ?? trimmed.slice(start);
}

/** The balanced JSON object or array starting at `start`, respecting strings; `undefined` if it never closes. */
function balancedFrom(text: string, start: number): string | undefined {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "{") stack.push("}");
    else if (ch === "[") stack.push("]");
    else if (ch === "}" || ch === "]") {
      if (stack.pop() !== ch) return undefined;
      if (stack.length === 0) return text.slice(start, i + 1);
    }
  }
  return undefined;
}
