/**
 * A scripted stand-in for an on-premises model server, for the evaluation
 * example and its test: `@kyocho/testing`'s test endpoint (a double of the
 * OpenAI chat-completions protocol, not a model) with replies that depend on
 * how it is asked.
 *
 * - reasoning on (`enable_thinking: true`): slower, with a `<think>` block;
 * - reasoning off: fast;
 * - without knowledge context (the prompt's passages block is empty): with
 *   reasoning off it adds a `high` finding the rules do not support (a model
 *   guessing without the bank's documents); with reasoning on, a `low` one;
 * - with context: it adds nothing (it agrees with the rules).
 *
 * The figures it produces show what `kyocho eval cases --compare` measures;
 * they say nothing about any real model.
 */
import { expertAnswer, startTestModelServer, type RecordedRequest, type TestModelServer } from "@kyocho/testing";

export interface ScriptedEndpointOptions {
  /** Added to each answer with reasoning on. Default 150 ms. */
  thinkingMs?: number;
  /** Added to each answer with reasoning off. Default 12 ms. */
  fastMs?: number;
}

const EMPTY_PASSAGES = /<data name="passages">\n\[\]\n<\/data>/;

export async function startScriptedEvalEndpoint(options: ScriptedEndpointOptions = {}): Promise<TestModelServer> {
  const thinkingMs = options.thinkingMs ?? 150;
  const fastMs = options.fastMs ?? 12;
  const reply = (request: RecordedRequest) => {
    const thinking = request.body?.chat_template_kwargs?.enable_thinking === true;
    const user = String(request.body?.messages?.find((m: { role?: string }) => m.role === "user")?.content ?? "");
    const withContext = !EMPTY_PASSAGES.test(user);
    const findings = withContext
      ? []
      : [
          thinking
            ? {
                severity: "low" as const,
                title: "Documentation to confirm",
                message: "The bank's procedures were not provided; the rule findings are taken as they stand.",
              }
            : {
                severity: "high" as const,
                title: "Unverified exposure",
                message: "Without the bank's procedures the exposure cannot be confirmed to be within policy.",
              },
        ];
    return {
      delayMs: thinking ? thinkingMs : fastMs,
      ...(thinking ? { think: "Check each rule finding against the case and the passages before answering." } : {}),
      json: expertAnswer({
        narrative: withContext
          ? "The rule findings are consistent with the bank's documents retrieved for this question."
          : "Answered without the bank's documents.",
        findings,
        confidence: withContext ? 0.8 : 0.4,
      }),
    };
  };
  return startTestModelServer({ models: ["scripted-qwen3"], replies: { "*": reply } });
}
