import { ModelCallError, stripThink } from "@kyocho/models";
import { sha256 } from "@kyocho/core/audit";
import type { ChatTurn, CompleteOptions, ModelClient, ModelCompletion } from "@kyocho/core";
import type { ModelEndpointInfo } from "@kyocho/core/model";

/** One scripted reply of the in-process fake: text, a thrown error, or a function of the conversation. */
export type ScriptedCompletion = string | Error | ((turns: readonly ChatTurn[], options: CompleteOptions) => string | Error | Promise<string | Error>);

export interface ScriptedModelClientOptions {
  /** Replies in order; the last one repeats. Default: a valid, empty kyocho expert answer. */
  replies?: ScriptedCompletion[];
  model?: string;
  host?: string;
  reasoning?: boolean;
}

/** The fake, with what it was asked. */
export interface ScriptedModelClient extends ModelClient {
  readonly calls: Array<{ turns: readonly ChatTurn[]; options: CompleteOptions }>;
}

/**
 * An in-process {@link ModelClient} that answers from a script, with no HTTP
 * at all: for unit tests of code that takes a model (an expert's model path,
 * the executive summary). It strips `<think>` and writes one `model_call`
 * audit line per call, as the real client does. Use the test endpoint
 * (`startTestModelServer`) to test the wire.
 *
 * @example
 * const model = createScriptedModelClient({ replies: ['{"narrative":"ok","findings":[],"confidence":0.9}'] });
 * const result = await expert.run(request, { model });
 */
export function createScriptedModelClient(options: ScriptedModelClientOptions = {}): ScriptedModelClient {
  const replies = options.replies ?? [JSON.stringify({ narrative: "No further observations.", findings: [], confidence: 0.5 })];
  const model = options.model ?? "scripted-model";
  const info: ModelEndpointInfo = {
    model,
    host: options.host ?? "in-process",
    baseURL: "in-process://scripted",
    reasoning: options.reasoning ?? false,
    responseFormat: "text",
    timeoutMs: 0,
    maxRetries: 0,
  };
  const calls: ScriptedModelClient["calls"] = [];
  return {
    info,
    calls,
    async complete(turns, callOptions): Promise<ModelCompletion> {
      const index = Math.min(calls.length, replies.length - 1);
      calls.push({ turns: [...turns], options: callOptions });
      const step = replies[index]!;
      const reply = typeof step === "function" ? await step(turns, callOptions) : step;
      const promptSha256 = sha256(JSON.stringify(turns.map((t) => ({ role: t.role, content: t.content }))));
      const base = {
        kind: "model_call" as const,
        time: new Date().toISOString(),
        assessmentId: callOptions.context.assessmentId,
        caller: callOptions.context.caller,
        purpose: callOptions.context.purpose,
        attempt: 1,
        endpoint: info.host,
        model,
        reasoning: info.reasoning,
        responseFormat: "text",
        promptSha256,
        latencyMs: 0,
      };
      if (reply instanceof Error) {
        callOptions.audit?.write({
          ...base,
          outcome: reply instanceof ModelCallError && reply.code === "MODEL_TIMEOUT" ? "timeout" : "http_error",
          error: reply.message,
        });
        throw reply;
      }
      const responseSha256 = sha256(reply);
      callOptions.audit?.write({ ...base, outcome: "ok", responseSha256, text: { prompt: turns, response: reply } });
      return { text: stripThink(reply).text, raw: reply, model, latencyMs: 0, attempts: 1, responseFormat: "text", responseSha256 };
    },
  };
}
