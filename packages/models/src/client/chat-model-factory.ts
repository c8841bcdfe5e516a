import type { ChatOpenAI, ChatOpenAIFields } from "@langchain/openai";

/** What {@link createChatModel} needs: one resolved endpoint, the key already read from its environment variable. */
export interface ChatModelSettings {
  baseURL: string;
  model: string;
  /** Sent as the bearer token; a placeholder when the server needs none. */
  apiKey?: string | undefined;
  temperature: number;
  maxTokens?: number | undefined;
  timeoutMs: number;
  reasoning: boolean;
  /** LangChain callbacks, e.g. {@link auditCallbacks} for a model handed to code that calls it itself. */
  callbacks?: ChatOpenAIFields["callbacks"];
  /** Sent with every request, e.g. `X-Kyocho-Caller` for the bank's gateway logs. Never a credential. */
  headers?: Record<string, string> | undefined;
}

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
 * Creates a LangChain `ChatOpenAI` for an OpenAI-compatible endpoint inside
 * the bank (`configuration.baseURL`). Loaded on first use, so a run without a
 * model never loads the OpenAI client.
 *
 * What it sets, and why:
 * - `modelKwargs: { chat_template_kwargs: { enable_thinking } }`: the reasoning switch, in the request body.
 * - an explicit `apiKey` (a placeholder when none is configured), so `OPENAI_API_KEY` from the
 *   environment is never sent to the bank's server.
 * - `maxRetries: 0`: kyocho retries itself, with its own backoff and one audit line per attempt.
 * - `fetchOptions.redirect = "error"`: a redirect could carry the prompt off the checked host.
 * - the key is cut out of error messages: a server may quote the key it was sent, and an error
 *   message travels on into fallback reasons, assessments and Redis.
 * - chat completions, never the Responses API, which local servers do not speak.
 * - the completion is fetched with `create`, not the SDK's `parse`: with a JSON-schema response
 *   format `parse` would throw on malformed JSON or a `<think>` block before kyocho could see the
 *   text, repair it, or hash it for the audit trail.
 *
 * @example
 * const chat = await createChatModel({ baseURL: "http://127.0.0.1:8000/v1", model: "Qwen/Qwen3-32B", temperature: 0, timeoutMs: 30_000, reasoning: false });
 * const message = await chat.invoke([{ role: "user", content: "Hello" }]);
 */
export async function createChatModel(settings: ChatModelSettings): Promise<ChatOpenAI> {
  const { ChatOpenAI, ChatOpenAICompletions, wrapOpenAIClientError } = await import("@langchain/openai");

  /** Chat completions fetched with `create`, so kyocho sees every answer as text. */
  class TextCompletions extends ChatOpenAICompletions {
    // One signature for both base overloads: only non-streaming requests are made.
    override async completionWithRetry(request: any, requestOptions?: any): Promise<any> {
      const { maxRetries: _maxRetries, ...sdkOptions } = requestOptions ?? {};
      const clientOptions = this._getClientOptions(sdkOptions);
      try {
        return await this.client.chat.completions.create(request, clientOptions);
      } catch (error) {
        throw withoutKey(wrapOpenAIClientError(error), settings.apiKey);
      }
    }
  }

  const fields: ChatOpenAIFields = {
    model: settings.model,
    apiKey: settings.apiKey ?? NO_API_KEY,
    temperature: settings.temperature,
    ...(settings.maxTokens !== undefined ? { maxTokens: settings.maxTokens } : {}),
    timeout: settings.timeoutMs,
    maxRetries: 0,
    streaming: false,
    useResponsesApi: false,
    modelKwargs: thinkingSwitch(settings.reasoning),
    ...(settings.callbacks ? { callbacks: settings.callbacks } : {}),
    configuration: {
      baseURL: settings.baseURL,
      fetchOptions: { redirect: "error" },
      ...(settings.headers ? { defaultHeaders: settings.headers } : {}),
    },
  };
  return new ChatOpenAI({ ...fields, completions: new TextCompletions(fields) });
}

/** The error with every occurrence of the API key in its message (and its body's) replaced by `[REDACTED]`. */
function withoutKey<E>(error: E, key: string | undefined): E {
  if (!key || key.length < 4 || key === NO_API_KEY || !(error instanceof Error)) return error;
  const scrub = (text: string) => text.split(key).join("[REDACTED]");
  error.message = scrub(error.message);
  const body = (error as { error?: { message?: unknown } }).error;
  if (body && typeof body === "object" && typeof body.message === "string") body.message = scrub(body.message);
  return error;
}
