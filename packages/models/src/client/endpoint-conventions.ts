/**
 * The request-body fields that switch a Qwen3-style chat template between
 * thinking and non-thinking mode, as vLLM (and llama.cpp's server) expect
 * them. Servers whose templates have no such switch ignore them.
 *
 * @example
 * thinkingSwitch(false) // { chat_template_kwargs: { enable_thinking: false } }
 */
export function thinkingSwitch(reasoning: boolean): { chat_template_kwargs: { enable_thinking: boolean } } {
  return { chat_template_kwargs: { enable_thinking: reasoning } };
}

/** Placeholder bearer token for servers without authentication (vLLM's own convention). */
export const NO_API_KEY = "EMPTY";

/**
 * The text with every occurrence of the API key replaced by `[REDACTED]`:
 * a server may quote the key it was sent, and an error message travels on
 * into fallback reasons, assessments, audit lines and Redis.
 *
 * @example
 * withoutKey("bad key sk-123456", "sk-123456") // "bad key [REDACTED]"
 */
export function withoutKey(text: string, key: string | undefined): string {
  if (!key || key.length < 4 || key === NO_API_KEY) return text;
  return text.split(key).join("[REDACTED]");
}
