import { SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import type { TokenUsage } from "@kyocho/core/audit";
import type { ModelCallContext } from "@kyocho/core/model";

/** The tracer of every model call; a no-op until the application registers an OpenTelemetry SDK. */
const tracer = trace.getTracer("@kyocho/models");

/**
 * The API every kyocho model endpoint speaks: vLLM, llama.cpp, Ollama and TGI
 * all answer OpenAI's chat-completions protocol. Where the server is comes from
 * `server.address`, never from this name.
 */
const PROVIDER = "openai";

/** Where one model call goes: the endpoint's address, never its key. */
export interface ModelCallTarget {
  baseURL: string;
  model: string;
  context: ModelCallContext;
  attempt: number;
}

/**
 * Starts the span of one attempt of a chat completion, named `chat {model}` as
 * the OpenTelemetry GenAI conventions name it, a child of the active span (the
 * sub-task, the plan, the assessment). It records who called and why, the
 * model and the server; never a prompt, an answer, a question or case text:
 * the attributes are exported to the operators' collector, and case data must
 * not leave the audited path.
 *
 * @example
 * const span = startModelCallSpan({ baseURL, model, context, attempt: 1 });
 * endModelCallSpan(span, { model: "qwen3", usage });
 */
export function startModelCallSpan(target: ModelCallTarget): Span {
  const url = new URL(target.baseURL);
  const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  return tracer.startSpan(`chat ${target.model}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": PROVIDER,
      // The name before gen_ai.provider.name (semantic conventions up to 1.36), still read by many back-ends.
      "gen_ai.system": PROVIDER,
      "gen_ai.request.model": target.model,
      "server.address": url.hostname,
      "server.port": port,
      "kyocho.caller": target.context.caller,
      "kyocho.purpose": target.context.purpose,
      "kyocho.model_call.attempt": target.attempt,
      ...(target.context.assessmentId ? { "kyocho.assessment.id": target.context.assessmentId } : {}),
    },
  });
}

/**
 * Ends a model-call span that was answered: the model the server says it used and the tokens it counted.
 *
 * @example
 * endModelCallSpan(span, { model: answer.model, usage, finishReason: "stop" });
 */
export function endModelCallSpan(span: Span, answer: { model?: string | undefined; usage?: TokenUsage | undefined; finishReason?: string | undefined }): void {
  if (answer.model) span.setAttribute("gen_ai.response.model", answer.model);
  if (answer.usage?.inputTokens !== undefined) span.setAttribute("gen_ai.usage.input_tokens", answer.usage.inputTokens);
  if (answer.usage?.outputTokens !== undefined) span.setAttribute("gen_ai.usage.output_tokens", answer.usage.outputTokens);
  if (answer.finishReason) span.setAttribute("gen_ai.response.finish_reasons", [answer.finishReason]);
  span.end();
}

/**
 * Ends a model-call span that failed, with the error's kyocho code as
 * `error.type` and as the status description. Not the error's message: an
 * unusable answer's message quotes the start of the body, which is model
 * output about the case (the audit log keeps the message).
 *
 * @example
 * failModelCallSpan(span, "MODEL_TIMEOUT");
 * failModelCallSpan(span, "MODEL_HTTP_ERROR", 503);
 */
export function failModelCallSpan(span: Span, code: string, status?: number): void {
  span.setAttribute("error.type", code);
  if (status !== undefined) span.setAttribute("http.response.status_code", status);
  span.setStatus({ code: SpanStatusCode.ERROR, message: status !== undefined ? `${code} (HTTP ${status})` : code });
  span.end();
}
