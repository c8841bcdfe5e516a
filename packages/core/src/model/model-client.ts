import type { AuditSink, TokenUsage } from "../audit/audit-entry.js";

/** How a model is asked for JSON: the server's JSON-schema response format, its JSON mode, or plain text with the schema in the prompt. */
export type ResponseFormatMode = "json_schema" | "json_object" | "text";

/** One chat message. */
export interface ChatTurn {
  role: "system" | "user" | "assistant";
  content: string;
}

/** Who is calling and why, for request headers and audit lines. */
export interface ModelCallContext {
  assessmentId?: string | undefined;
  /** The expert's name, `planner` or `summary`. */
  caller: string;
  /** `answer`, `repair`, `grounding`, `summary` or `plan`. */
  purpose: string;
}

/** What a model endpoint is, as far as logs and results may say: never a key. */
export interface ModelEndpointInfo {
  /** The configured model name; `undefined` until discovered from `/v1/models`. */
  model: string | undefined;
  /** `host:port`. */
  host: string;
  /** The base URL (it cannot carry credentials: the configuration refuses them). */
  baseURL: string;
  reasoning: boolean;
  /**
   * `false`: the model is not shown the passages retrieved from the expert's
   * knowledge documents (the "without context" arm of `kyocho eval cases
   * --compare`, or a model fine-tuned on those documents). Default `true`.
   */
  context?: boolean | undefined;
  responseFormat: ResponseFormatMode;
  timeoutMs: number;
  maxRetries: number;
}

export interface CompleteOptions {
  context: ModelCallContext;
  /** Ask for JSON matching this schema (the server's response format, where it supports one). */
  jsonSchema?: { name: string; schema: Record<string, unknown> } | undefined;
  signal?: AbortSignal | undefined;
  audit?: AuditSink | undefined;
}

/** One completed chat request. */
export interface ModelCompletion {
  /** The answer with any `<think>` block removed. */
  text: string;
  /** The content exactly as received. */
  raw: string;
  /** The model name the server reported. */
  model: string;
  usage?: TokenUsage | undefined;
  latencyMs: number;
  /** HTTP requests made, retries included. */
  attempts: number;
  /** The response format actually used (a refused `json_schema` falls back to `text`). */
  responseFormat: ResponseFormatMode;
  finishReason?: string | undefined;
  responseSha256: string;
}

/**
 * A model as an expert sees it: one endpoint, one mode, one method. It
 * retries transient failures, enforces the time limit, strips `<think>`
 * blocks and writes an audit line per request; it throws a
 * `ModelCallError` when it gives up. Created by the model registry at the
 * entry point and passed in; tests pass a scripted one.
 *
 * @example
 * const reply = await model.complete([{ role: "user", content: "…" }], { context: { caller: "fx", purpose: "answer" } });
 */
export interface ModelClient {
  readonly info: ModelEndpointInfo;
  complete(turns: readonly ChatTurn[], options: CompleteOptions): Promise<ModelCompletion>;
}
