import { sha256, type ModelCallAuditEntry, type ModelCallOutcome, type TokenUsage } from "@kyocho/core/audit";
import { NO_API_KEY, thinkingSwitch, withoutKey } from "./endpoint-conventions.js";
import type { ChatTurn, CompleteOptions, ModelClient, ModelCompletion } from "@kyocho/core";
import type { ModelEndpointInfo, ResponseFormatMode } from "@kyocho/core/model";
import { ModelCallError } from "./model-error.js";
import { endpointHost } from "../registry/on-prem-guard.js";
import { stripThink } from "./strip-think.js";
import { endModelCallSpan, failModelCallSpan, startModelCallSpan } from "./model-call-span.js";

/** An endpoint with every default applied, as the registry resolves it. */
export interface ResolvedEndpoint {
  baseURL: string;
  /** `undefined`: ask `/v1/models` at the first request. */
  model?: string | undefined;
  apiKeyEnv?: string | undefined;
  temperature: number;
  maxTokens?: number | undefined;
  timeoutMs: number;
  maxRetries: number;
  retryDelayMs: number;
  reasoning: boolean;
  responseFormat: ResponseFormatMode;
}

/**
 * A {@link ModelClient} for an OpenAI-compatible chat-completions endpoint
 * (vLLM, llama.cpp's server, Ollama, TGI): one plain `POST {baseURL}/chat/completions`
 * per attempt, with `fetch`, and no client library in between.
 *
 * Per request: a hard time limit (`timeoutMs`, covering the whole response,
 * not only its headers); retries after a 5xx, a 429 (its `Retry-After`
 * honoured) or a refused connection, with doubling backoff — never after a
 * timeout, so a stuck server costs one time limit, not several; one audit
 * line per attempt; `<think>` blocks stripped. A server that refuses the
 * JSON-schema response format is asked again without it, and from then on
 * in `text` mode.
 *
 * @example
 * const client = new OpenAICompatibleClient({ baseURL: "http://127.0.0.1:8000/v1", model: "Qwen/Qwen3-32B", temperature: 0, timeoutMs: 30_000, maxRetries: 2, retryDelayMs: 250, reasoning: false, responseFormat: "json_schema" });
 */
export class OpenAICompatibleClient implements ModelClient {
  readonly info: ModelEndpointInfo;
  private readonly endpoint: ResolvedEndpoint;
  private readonly apiKey: string | undefined;
  private format: ResponseFormatMode;
  private modelName: Promise<string> | undefined;

  constructor(endpoint: ResolvedEndpoint, options: { env?: NodeJS.ProcessEnv } = {}) {
    const env = options.env ?? process.env;
    this.endpoint = endpoint;
    this.apiKey = endpoint.apiKeyEnv ? env[endpoint.apiKeyEnv]?.trim() || undefined : undefined;
    this.format = endpoint.responseFormat;
    this.info = {
      model: endpoint.model,
      host: endpointHost(endpoint.baseURL),
      baseURL: endpoint.baseURL,
      reasoning: endpoint.reasoning,
      responseFormat: endpoint.responseFormat,
      timeoutMs: endpoint.timeoutMs,
      maxRetries: endpoint.maxRetries,
    };
  }

  async complete(turns: readonly ChatTurn[], options: CompleteOptions): Promise<ModelCompletion> {
    const { context, jsonSchema, signal: outer, audit } = options;
    const model = await this.resolveModelName(outer);
    const messages = turns.map((t) => ({ role: t.role, content: t.content }));
    const promptSha256 = sha256(JSON.stringify(messages));
    const headers = {
      "X-Kyocho-Caller": context.caller,
      "X-Kyocho-Purpose": context.purpose,
      ...(context.assessmentId ? { "X-Kyocho-Assessment": context.assessmentId } : {}),
    };
    const started = performance.now();

    for (let attempt = 1; ; attempt++) {
      const format = jsonSchema ? this.format : "text";
      const timeout = new AbortController();
      const signal = outer ? AbortSignal.any([outer, timeout.signal]) : timeout.signal;
      const attemptStarted = performance.now();
      const line = (fields: Partial<ModelCallAuditEntry> & { outcome: ModelCallOutcome }): ModelCallAuditEntry => ({
        kind: "model_call",
        time: new Date().toISOString(),
        assessmentId: context.assessmentId,
        caller: context.caller,
        purpose: context.purpose,
        attempt,
        endpoint: this.info.host,
        model,
        reasoning: this.endpoint.reasoning,
        responseFormat: format,
        promptSha256,
        latencyMs: round(performance.now() - attemptStarted),
        ...fields,
      });
      // One span per attempt, so a retried call shows each try and its outcome in the trace.
      const span = startModelCallSpan({ baseURL: this.endpoint.baseURL, model, context, attempt });
      try {
        const answer = await this.post(
          {
            model,
            messages,
            temperature: this.endpoint.temperature,
            ...(this.endpoint.maxTokens !== undefined ? { max_tokens: this.endpoint.maxTokens } : {}),
            stream: false,
            ...thinkingSwitch(this.endpoint.reasoning),
            ...(format === "json_schema" && jsonSchema
              ? { response_format: { type: "json_schema", json_schema: { name: jsonSchema.name, schema: jsonSchema.schema } } }
              : format === "json_object"
                ? { response_format: { type: "json_object" } }
                : {}),
          },
          headers,
          signal,
          timeout,
        );
        const raw = answer.content;
        const responseSha256 = sha256(raw);
        const usage = usageOf(answer.usage);
        const reported = answer.model ?? model;
        const finishReason = answer.finishReason;
        endModelCallSpan(span, { model: reported, usage, finishReason });
        audit?.write(line({ outcome: "ok", model: reported, responseSha256, usage, text: { prompt: messages, response: raw } }));
        return {
          text: stripThink(raw).text,
          raw,
          model: reported,
          usage,
          latencyMs: round(performance.now() - started),
          attempts: attempt,
          responseFormat: format,
          ...(finishReason ? { finishReason } : {}),
          responseSha256,
        };
      } catch (caught) {
        const failure = this.classify(caught, { timedOut: timeout.signal.aborted && !outer?.aborted, aborted: outer?.aborted === true, format });
        failModelCallSpan(span, failure.error.code, failure.error.status);
        audit?.write(
          line({
            outcome: failure.outcome,
            ...(failure.error.status !== undefined ? { status: failure.error.status } : {}),
            error: failure.error.message,
            text: { prompt: messages },
          }),
        );
        if (failure.formatRefused) {
          // The server has no structured output: ask again, and from now on, with the schema in the prompt alone.
          this.format = "text";
          attempt--;
          continue;
        }
        failure.error.attempts = attempt;
        if (!failure.error.retryable || attempt > this.endpoint.maxRetries) throw failure.error;
        // Doubling, but capped: ten retries from a 60 s first delay would otherwise wait for hours.
        const backoff = Math.min(this.endpoint.retryDelayMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS) * (0.75 + Math.random() / 2);
        await sleep(failure.error.retryAfterMs ?? backoff, outer);
      }
    }
  }

  /**
   * One chat-completions request, sent as it is written: no client library
   * between kyocho and the wire. What it does, and why:
   * - chat completions only, never the Responses API, which local servers do not speak;
   * - the key is the endpoint's own (`apiKeyEnv`) or the placeholder, never `OPENAI_API_KEY`
   *   from the environment, so a personal key is never sent to the bank's server;
   * - `redirect: "error"`: a redirect could carry the prompt off the checked host;
   * - one request, no retry: `complete` retries, with one audit line per attempt;
   * - the body is read as text under the same signal, so the time limit and the caller's
   *   abort cut a stalled body too, and a `<think>` block or malformed JSON in the answer
   *   reaches kyocho verbatim, to be repaired and hashed;
   * - the time limit (`timeout` aborted after `timeoutMs`) starts once the request is handed to
   *   `fetch`: the first request of a process loads Node's HTTP client, which under load took
   *   longer than a short limit and failed a request that never left the process;
   * - the key is cut out of every error message, since a server may quote the key it was sent.
   */
  private async post(body: Record<string, unknown>, headers: Record<string, string>, signal: AbortSignal, timeout: AbortController): Promise<WireAnswer> {
    const sent = fetch(this.url("chat/completions"), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${this.apiKey ?? NO_API_KEY}`, ...headers },
      body: JSON.stringify(body),
      redirect: "error",
      signal,
    });
    const timer = setTimeout(() => timeout.abort(new DOMException(`no answer within ${this.endpoint.timeoutMs} ms`, "TimeoutError")), this.endpoint.timeoutMs);
    let text: string;
    let response: Response;
    try {
      response = await sent;
      text = await response.text();
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw new EndpointStatusError(response.status, withoutKey(errorDetail(text), this.apiKey), response.headers);
    let parsed: WireCompletion;
    try {
      parsed = JSON.parse(text) as WireCompletion;
    } catch {
      throw new Error(`the body is not JSON: ${withoutKey(firstLine(text), this.apiKey).slice(0, 120)}`);
    }
    const choice = parsed?.choices?.[0];
    if (!choice?.message || typeof choice.message !== "object") throw new Error("the answer has no choices[0].message");
    return {
      content: contentText(choice.message.content),
      model: typeof parsed.model === "string" ? parsed.model : undefined,
      usage: parsed.usage ?? undefined,
      finishReason: typeof choice.finish_reason === "string" ? choice.finish_reason : undefined,
    };
  }

  /** `path` under the base URL, whether or not the base URL ends with a slash. */
  private url(path: string): URL {
    return new URL(path, this.endpoint.baseURL.endsWith("/") ? this.endpoint.baseURL : `${this.endpoint.baseURL}/`);
  }

  private classify(
    error: unknown,
    state: { timedOut: boolean; aborted: boolean; format: ResponseFormatMode },
  ): { error: ModelCallError; outcome: ModelCallOutcome; formatRefused?: boolean } {
    const host = this.info.host;
    if (state.aborted) return { error: new ModelCallError("MODEL_ABORTED", `request to ${host} aborted`, { cause: error }), outcome: "aborted" };
    const e = (error ?? {}) as { name?: string; message?: string; status?: number; headers?: unknown; cause?: unknown };
    if (state.timedOut || e.name === "TimeoutError") {
      return {
        error: new ModelCallError("MODEL_TIMEOUT", `no answer from ${host} within ${this.endpoint.timeoutMs} ms`, { cause: error }),
        outcome: "timeout",
      };
    }
    const message = firstLine(e.message ?? String(error));
    if (typeof e.status === "number") {
      const status = e.status;
      const detail = message.replace(/^\d{3}\s*/, "");
      if (status === 400 && state.format !== "text" && /response_format|json_schema|json_object|guided|structured|grammar/i.test(detail)) {
        return {
          error: new ModelCallError("MODEL_HTTP_ERROR", `HTTP 400 from ${host}: ${detail}`, { status }),
          outcome: "http_error",
          formatRefused: true,
        };
      }
      const retryAfterMs = status === 429 ? retryAfter(e.headers) : undefined;
      const retryable = (status === 429 || status >= 500) && (retryAfterMs === undefined || retryAfterMs <= this.endpoint.timeoutMs);
      return {
        error: new ModelCallError("MODEL_HTTP_ERROR", `HTTP ${status} from ${host}${detail ? `: ${detail}` : ""}`, {
          status,
          retryable,
          retryAfterMs,
          cause: error,
        }),
        outcome: "http_error",
      };
    }
    if (/fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|terminated/i.test(message)) {
      const cause = causeOf(e);
      const redirected = /redirect/i.test(cause);
      return {
        error: new ModelCallError(
          "MODEL_UNREACHABLE",
          redirected ? `${host} answered with a redirect, which kyocho does not follow` : `cannot reach ${host}${cause ? ` (${cause})` : ""}`,
          { retryable: !redirected, cause: error },
        ),
        outcome: "network_error",
      };
    }
    return { error: new ModelCallError("MODEL_BAD_RESPONSE", `unusable response from ${host}: ${message}`, { cause: error }), outcome: "bad_response" };
  }

  private resolveModelName(signal: AbortSignal | undefined): Promise<string> {
    if (this.endpoint.model) return Promise.resolve(this.endpoint.model);
    this.modelName ??= this.discoverModel(signal).catch((error: unknown) => {
      this.modelName = undefined; // try again next time: the server may have been starting
      throw error;
    });
    return this.modelName;
  }

  /** The first model the server lists: what a single-model vLLM serves. */
  private async discoverModel(signal: AbortSignal | undefined): Promise<string> {
    const url = this.url("models");
    const timeout = AbortSignal.timeout(this.endpoint.timeoutMs);
    try {
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${this.apiKey ?? NO_API_KEY}` },
        redirect: "error",
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as { data?: Array<{ id?: unknown }> };
      const id = body.data?.find((m) => typeof m.id === "string")?.id;
      if (typeof id !== "string") throw new Error("no model listed");
      return id;
    } catch (error) {
      throw new ModelCallError(
        "MODEL_DISCOVERY",
        `no model name configured and ${url.host}/…/models did not name one (${firstLine((error as Error).message)})`,
        {
          cause: error,
        },
      );
    }
  }
}

/** The longest wait between two attempts of one request, whatever `retryDelayMs` and the attempt number. */
const MAX_RETRY_DELAY_MS = 30_000;

function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part: unknown) => {
        const text: unknown = typeof part === "string" ? part : (part as { text?: unknown } | null | undefined)?.text;
        return typeof text === "string" ? text : "";
      })
      .join("");
  }
  return "";
}

function usageOf(usage: WireUsage | undefined): TokenUsage | undefined {
  if (!usage || typeof usage !== "object") return undefined;
  const total =
    usage.total_tokens ??
    (usage.prompt_tokens !== undefined && usage.completion_tokens !== undefined ? usage.prompt_tokens + usage.completion_tokens : undefined);
  return { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens, totalTokens: total };
}

/** The parts of an OpenAI chat-completion body kyocho reads. */
interface WireCompletion {
  model?: unknown;
  choices?: Array<{ message?: { content?: unknown }; finish_reason?: unknown }>;
  usage?: WireUsage | null;
}

interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

/** One answer, its content exactly as received. */
interface WireAnswer {
  content: string;
  model: string | undefined;
  usage: WireUsage | undefined;
  finishReason: string | undefined;
}

/** An HTTP error status from the endpoint; its message is the server's, with the key already cut out. */
class EndpointStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Headers,
  ) {
    super(message);
    this.name = "EndpointStatusError";
  }
}

/** The message of an OpenAI-style error body (`{ error: { message } }`), else the body's first line. */
function errorDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown; detail?: unknown };
    const error = parsed?.error;
    if (error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string")
      return firstLine((error as { message: string }).message);
    for (const text of [error, parsed?.message, parsed?.detail]) if (typeof text === "string") return firstLine(text);
  } catch {
    // not JSON: the text itself says what went wrong
  }
  return firstLine(body);
}

/** Milliseconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
function retryAfter(headers: unknown): number | undefined {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === "string" ? value : undefined;
  };
  const ms = Number(get("retry-after-ms"));
  if (Number.isFinite(ms) && ms >= 0 && get("retry-after-ms") !== undefined) return ms;
  const value = get("retry-after");
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ModelCallError("MODEL_ABORTED", "aborted"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ModelCallError("MODEL_ABORTED", "aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The most specific reason in an error's cause chain: a system error code (ECONNREFUSED) or the deepest message. */
function causeOf(error: { cause?: unknown }): string {
  let reason = "";
  for (
    let current = error.cause as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    current && depth < 5;
    current = current.cause as typeof current, depth++
  ) {
    if (typeof current.code === "string") return current.code;
    if (typeof current.message === "string") reason = firstLine(current.message);
  }
  return reason;
}

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").trim().slice(0, 300);
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
