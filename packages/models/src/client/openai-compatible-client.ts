import type { ChatOpenAI } from "@langchain/openai";
import { sha256, type ModelCallAuditEntry, type ModelCallOutcome, type TokenUsage } from "@kyocho/core/audit";
import type { AuditSink } from "@kyocho/core";
import { auditCallbacks } from "./audit-callbacks.js";
import { createChatModel, NO_API_KEY } from "./chat-model-factory.js";
import type { ChatTurn, CompleteOptions, ModelClient, ModelCompletion } from "@kyocho/core";
import type { ModelEndpointInfo } from "@kyocho/core/model";
import type { ResponseFormatMode } from "../registry/model-config.js";
import { ModelCallError } from "./model-error.js";
import { endpointHost } from "../registry/on-prem-guard.js";
import { stripThink } from "./strip-think.js";

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
 * (vLLM, llama.cpp's server, Ollama, TGI), through LangChain's `ChatOpenAI`.
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
  private chat: Promise<ChatOpenAI> | undefined;

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
    const chat = await this.chatModel(model);
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
      const timeout = AbortSignal.timeout(this.endpoint.timeoutMs);
      const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
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
      try {
        const message = await chat.invoke(messages, {
          signal,
          ...(format === "json_schema" && jsonSchema
            ? { response_format: { type: "json_schema", json_schema: { name: jsonSchema.name, schema: jsonSchema.schema } } }
            : format === "json_object"
              ? { response_format: { type: "json_object" } }
              : {}),
          options: { headers },
        });
        const raw = contentText(message.content);
        const responseSha256 = sha256(raw);
        const usage = usageOf(message.usage_metadata);
        const reported = typeof message.response_metadata?.model_name === "string" ? message.response_metadata.model_name : model;
        const finishReason = message.response_metadata?.finish_reason as string | undefined;
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
        const failure = this.classify(caught, { timedOut: timeout.aborted && !outer?.aborted, aborted: outer?.aborted === true, format });
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
   * This endpoint as a LangChain chat model, configured exactly like the
   * one `complete` uses (thinking switch, key, no redirects), with one
   * `model_call` audit line per call: for code that drives a chat model
   * itself, such as the model planner.
   */
  async toChatModel(options: { caller: string; audit?: AuditSink | undefined; signal?: AbortSignal | undefined }): Promise<ChatOpenAI> {
    const model = await this.resolveModelName(options.signal);
    return createChatModel({
      ...this.chatSettings(model),
      headers: { "X-Kyocho-Caller": options.caller, "X-Kyocho-Purpose": options.caller },
      ...(options.audit
        ? {
            callbacks: [
              auditCallbacks(options.audit, {
                caller: options.caller,
                endpoint: this.info.host,
                model,
                reasoning: this.endpoint.reasoning,
                responseFormat: this.format,
              }),
            ],
          }
        : {}),
    });
  }

  private classify(
    error: unknown,
    state: { timedOut: boolean; aborted: boolean; format: ResponseFormatMode },
  ): { error: ModelCallError; outcome: ModelCallOutcome; formatRefused?: boolean } {
    const host = this.info.host;
    if (state.aborted) return { error: new ModelCallError("MODEL_ABORTED", `request to ${host} aborted`, { cause: error }), outcome: "aborted" };
    const e = (error ?? {}) as { name?: string; message?: string; status?: number; headers?: unknown; constructor?: { name?: string }; cause?: unknown };
    if (state.timedOut || e.name === "TimeoutError" || e.constructor?.name === "APIConnectionTimeoutError") {
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
    if (
      e.constructor?.name === "APIConnectionError" ||
      e.name === "APIConnectionError" ||
      /fetch failed|ECONNREFUSED|ECONNRESET|socket hang up/i.test(message)
    ) {
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
    const url = new URL("models", this.endpoint.baseURL.endsWith("/") ? this.endpoint.baseURL : `${this.endpoint.baseURL}/`);
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

  private chatModel(model: string): Promise<ChatOpenAI> {
    this.chat ??= createChatModel(this.chatSettings(model));
    return this.chat;
  }

  /** What every chat model of this endpoint is built with, so `complete` and `toChatModel` cannot drift apart. */
  private chatSettings(model: string) {
    return {
      baseURL: this.endpoint.baseURL,
      model,
      apiKey: this.apiKey,
      temperature: this.endpoint.temperature,
      maxTokens: this.endpoint.maxTokens,
      timeoutMs: this.endpoint.timeoutMs,
      reasoning: this.endpoint.reasoning,
    };
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

function usageOf(usage: { input_tokens?: number; output_tokens?: number; total_tokens?: number } | undefined): TokenUsage | undefined {
  if (!usage) return undefined;
  return { inputTokens: usage.input_tokens, outputTokens: usage.output_tokens, totalTokens: usage.total_tokens };
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
