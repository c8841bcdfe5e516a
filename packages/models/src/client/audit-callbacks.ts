import { sha256, type TokenUsage } from "@kyocho/core/audit";
import type { AuditSink } from "@kyocho/core";

/** Who the audited calls are from and where they go. */
export interface AuditCallbackContext {
  caller: string;
  endpoint: string;
  model: string;
  reasoning: boolean;
  responseFormat: string;
}

type Message = { content?: unknown; _getType?: () => string; getType?: () => string };
const ROLES: Record<string, "system" | "user" | "assistant"> = { system: "system", human: "user", ai: "assistant" };

/**
 * LangChain callback handlers that write one `model_call` audit line per
 * chat-model call, for chat models kyocho hands to code that calls them
 * itself (the model planner). Same fields and hashes as the expert path's
 * lines: the prompt hash is over the JSON array of `{ role, content }`.
 *
 * @example
 * const chat = await createChatModel({ ...settings, callbacks: [auditCallbacks(audit, { caller: "planner", … })] });
 */
export function auditCallbacks(audit: AuditSink, context: AuditCallbackContext) {
  const runs = new Map<string, { started: number; prompt: Array<{ role: string; content: string }> }>();
  const line = (runId: string) => {
    const run = runs.get(runId);
    runs.delete(runId);
    return {
      kind: "model_call" as const,
      time: new Date().toISOString(),
      caller: context.caller,
      purpose: context.caller,
      attempt: 1,
      endpoint: context.endpoint,
      model: context.model,
      reasoning: context.reasoning,
      responseFormat: context.responseFormat,
      promptSha256: sha256(JSON.stringify(run?.prompt ?? [])),
      latencyMs: run ? Math.round((performance.now() - run.started) * 100) / 100 : 0,
      prompt: run?.prompt ?? [],
    };
  };
  return {
    handleChatModelStart(_llm: unknown, messages: Message[][], runId: string) {
      const prompt = (messages[0] ?? []).map((m) => ({
        role: ROLES[(m.getType?.() ?? m._getType?.()) as string] ?? "user",
        content: typeof m.content === "string" ? m.content : JSON.stringify(m.content),
      }));
      runs.set(runId, { started: performance.now(), prompt });
    },
    handleLLMEnd(
      output: {
        generations?: Array<Array<{ text?: string; message?: Message & { response_metadata?: Record<string, unknown> } }>>;
        llmOutput?: Record<string, any>;
      },
      runId: string,
    ) {
      const { prompt, ...base } = line(runId);
      const generation = output.generations?.[0]?.[0];
      const raw = generation?.text ?? (typeof generation?.message?.content === "string" ? generation.message.content : "");
      const tokens = output.llmOutput?.tokenUsage as { promptTokens?: number; completionTokens?: number; totalTokens?: number } | undefined;
      const usage: TokenUsage | undefined = tokens
        ? { inputTokens: tokens.promptTokens, outputTokens: tokens.completionTokens, totalTokens: tokens.totalTokens }
        : undefined;
      const reported = generation?.message?.response_metadata?.model_name;
      audit.write({
        ...base,
        ...(typeof reported === "string" ? { model: reported } : {}),
        outcome: "ok",
        responseSha256: sha256(raw),
        usage,
        text: { prompt, response: raw },
      });
    },
    handleLLMError(error: unknown, runId: string) {
      const { prompt, ...base } = line(runId);
      const status = (error as { status?: unknown })?.status;
      const name = (error as { name?: unknown })?.name;
      audit.write({
        ...base,
        outcome: typeof status === "number" ? "http_error" : name === "AbortError" ? "aborted" : name === "TimeoutError" ? "timeout" : "bad_response",
        ...(typeof status === "number" ? { status } : {}),
        error: (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300),
        text: { prompt },
      });
    },
  };
}
