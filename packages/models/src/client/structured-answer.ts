import type { z } from "zod";
import type { AuditSink } from "@kyocho/core";
import { formatPath } from "@kyocho/core/validation";
import { extractJson } from "./extract-json.js";
import type { ChatTurn, ModelClient, ModelCompletion } from "@kyocho/core";
import type { ModelCallContext } from "@kyocho/core/model";
import { ModelCallError } from "./model-error.js";
import { stripThink } from "./strip-think.js";

/**
 * Reads a structured answer from a model's text: strips `<think>`, finds the
 * JSON (the whole text, a fenced block, or the first object after prose),
 * parses it and validates it with `schema`. The error names what to fix, so
 * it can be sent back to the model.
 *
 * @example
 * parseStructured('Sure!\n```json\n{"confidence": 2}\n```', schema)
 * // { ok: false, error: "confidence: Too big: expected number to be <=1" }
 */
export function parseStructured<S extends z.ZodType>(text: string, schema: S): { ok: true; value: z.output<S> } | { ok: false; error: string } {
  const candidate = extractJson(stripThink(text).text);
  if (candidate === undefined) return { ok: false, error: "the reply holds no JSON object" };
  let json: unknown;
  try {
    json = JSON.parse(candidate);
  } catch (error) {
    return { ok: false, error: `the JSON does not parse (${(error as Error).message})` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, 3).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  return { ok: false, error: issues.join("; ") };
}

export interface StructuredAnswerRequest<S extends z.ZodType> {
  model: ModelClient;
  turns: readonly ChatTurn[];
  schema: S;
  /** The JSON Schema sent as the response format, where the server supports one. */
  jsonSchema: { name: string; schema: Record<string, unknown> };
  context: ModelCallContext;
  signal?: AbortSignal | undefined;
  audit?: AuditSink | undefined;
}

export type StructuredAnswer<T> =
  | {
      ok: true;
      value: T;
      completion: ModelCompletion;
      /** The conversation that produced the accepted reply (a repair turn included), to continue it. */
      turns: ChatTurn[];
      /** HTTP requests made, retries included. */
      calls: number;
      repaired: boolean;
      latencyMs: number;
    }
  | { ok: false; reason: string; calls: number; latencyMs: number; completion?: ModelCompletion | undefined };

const REPAIR_ECHO_LIMIT = 4000;

/**
 * Asks for a structured answer and gets a valid one or a reason: the
 * server's JSON-schema response format where supported, else JSON parsed
 * from the text; validated with zod; after an invalid reply, **one** repair
 * request that quotes the reply and names the error; then it gives up. Never
 * throws: a model failure is `{ ok: false, reason }`.
 *
 * @example
 * const answer = await requestStructuredAnswer({ model, turns, schema: ModelAnswerSchema, jsonSchema, context: { caller: "fx", purpose: "answer" } });
 * if (!answer.ok) notes.push(`model not used: ${answer.reason}`);
 */
export async function requestStructuredAnswer<S extends z.ZodType>(request: StructuredAnswerRequest<S>): Promise<StructuredAnswer<z.output<S>>> {
  const started = performance.now();
  let calls = 0;
  let turns: ChatTurn[] = [...request.turns];
  let lastCompletion: ModelCompletion | undefined;
  for (let round = 0; round < 2; round++) {
    const purpose = round === 0 ? request.context.purpose : "repair";
    let completion: ModelCompletion;
    try {
      completion = await request.model.complete(turns, {
        context: { ...request.context, purpose },
        jsonSchema: request.jsonSchema,
        signal: request.signal,
        audit: request.audit,
      });
    } catch (error) {
      calls += error instanceof ModelCallError ? error.attempts : 1;
      return { ok: false, reason: describeCallFailure(error), calls, latencyMs: elapsed(started), completion: lastCompletion };
    }
    calls += completion.attempts;
    lastCompletion = completion;
    const parsed = parseStructured(completion.text, request.schema);
    if (parsed.ok) return { ok: true, value: parsed.value, completion, turns, calls, repaired: round > 0, latencyMs: elapsed(started) };
    if (round === 1) {
      return { ok: false, reason: `invalid answer after a repair request: ${parsed.error}`, calls, latencyMs: elapsed(started), completion };
    }
    turns = [
      ...turns,
      { role: "assistant", content: completion.raw.slice(0, REPAIR_ECHO_LIMIT) },
      {
        role: "user",
        content: `Your reply could not be used: ${parsed.error}. Reply again with only the JSON object that matches the schema: no prose, no code fences, no <think> block.`,
      },
    ];
  }
  return { ok: false, reason: "no answer", calls, latencyMs: elapsed(started) };
}

function describeCallFailure(error: unknown): string {
  if (error instanceof ModelCallError) return `${error.code}: ${error.message}`;
  return `model call failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
