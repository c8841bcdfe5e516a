import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import { UserInputError } from "@kyocho/core";
import type { Plan } from "@kyocho/core";
import type { PlanRequest, Planner, PlanningContext } from "@kyocho/core";
import { completeModelPlan } from "./complete-model-plan.js";
import { EmbeddedPlanner } from "@kyocho/core";
import { routeEmbedded, type EmbeddedPlannerOptions } from "@kyocho/core/plan";
import { ModelPlanError, type ModelPlanFailure } from "./model-plan-error.js";
import { extractJsonObject, modelPlanJsonSchema, parseModelPlanOutput } from "./model-plan-output.js";
import { planningMessages } from "./model-plan-prompt.js";

/** How the plan's JSON is asked for. */
export type PlanOutputMode = "auto" | "json_schema" | "text";

/** Options of {@link ModelPlanner}. */
export interface ModelPlannerOptions {
  /** The chat model to ask, e.g. a `ChatOpenAI` pointed at the bank's vLLM. Created by the caller, never here. */
  model: BaseChatModel;
  /** Time limit of the whole planning call in ms; past it the fallback plans. Default 30 000. */
  timeoutMs?: number;
  /**
   * `json_schema`: structured output (the response format, or tool calling
   * for models without it); `text`: JSON read from the answer's text;
   * `auto` (default): structured output, retried once as text when the
   * endpoint refuses the response format.
   */
  output?: PlanOutputMode;
  /** Plans when the model fails; default the embedded planner. */
  fallback?: Planner;
  /** Options of the embedded routing the model's plan is completed with. */
  embedded?: EmbeddedPlannerOptions;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * A planner that asks a chat model for the plan, as JSON, and trusts it only
 * so far: the answer is validated with zod, unknown experts are dropped
 * with a warning, the experts the case data, the policy and the question's
 * wording call for are put back if the model left them out (the model can
 * add experts and write better sub-questions, never remove one), and a
 * dependency cycle is rejected. On any failure — a timeout, malformed
 * output, a cycle, an endpoint error — the embedded planner plans instead,
 * and the plan says so: `planner: "embedded (fallback: timeout)"` and a
 * warning with the detail. The case reaches the model as delimited data,
 * never as instructions.
 *
 * @example
 * const planner = new ModelPlanner({ model: new ChatOpenAI({ model: "qwen3-32b", configuration: { baseURL } }), timeoutMs: 10_000 });
 * const council = createReferenceCouncil({ planner });
 */
export class ModelPlanner implements Planner {
  readonly kind = "model";
  private readonly model: BaseChatModel;
  private readonly timeoutMs: number;
  private readonly output: PlanOutputMode;
  private readonly fallback: Planner;
  private readonly embedded: EmbeddedPlannerOptions;

  constructor(options: ModelPlannerOptions) {
    if (!options?.model || typeof options.model.invoke !== "function") {
      throw new UserInputError("must be a LangChain chat model", { path: "model", source: "model planner options" });
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
      throw new UserInputError("must be a positive whole number of milliseconds", { path: "timeoutMs", source: "model planner options" });
    }
    const output = options.output ?? "auto";
    if (!["auto", "json_schema", "text"].includes(output)) {
      throw new UserInputError('must be "auto", "json_schema" or "text"', { path: "output", source: "model planner options" });
    }
    this.model = options.model;
    this.timeoutMs = timeoutMs;
    this.output = output;
    this.embedded = options.embedded ?? {};
    this.fallback = options.fallback ?? new EmbeddedPlanner(this.embedded);
  }

  async plan(request: PlanRequest, context: PlanningContext): Promise<Plan> {
    const routing = routeEmbedded(request, context, this.embedded);
    try {
      const { value, notes } = await this.askWithin(
        planningMessages(request, context, routing),
        context.experts.map((e) => e.name),
      );
      let output;
      try {
        output = parseModelPlanOutput(value);
      } catch (error) {
        throw new ModelPlanError("malformed output", (error as Error).message, { cause: error });
      }
      const plan = completeModelPlan(output, request, context, routing);
      return { ...plan, warnings: [...notes, ...plan.warnings] };
    } catch (error) {
      const { reason, detail } = describeFailure(error);
      const plan = await this.fallback.plan(request, context);
      return {
        ...plan,
        planner: `${plan.planner} (fallback: ${reason})`,
        warnings: [...plan.warnings, `the model planner failed (${detail}); the ${plan.planner} planner's plan is used`],
      };
    }
  }

  /** Asks the model, giving up after `timeoutMs` whether or not the model honours the abort. */
  private async askWithin(messages: BaseMessage[], names: string[]): Promise<{ value: unknown; notes: string[] }> {
    const controller = new AbortController();
    const timedOut = new Promise<never>((_, reject) => {
      // The only abort is the timer's, whose reason is a ModelPlanError.
      controller.signal.addEventListener("abort", () => reject(controller.signal.reason as ModelPlanError), { once: true });
    });
    const timer = setTimeout(() => controller.abort(new ModelPlanError("timeout", `no plan within ${this.timeoutMs} ms`)), this.timeoutMs);
    try {
      return await Promise.race([this.ask(messages, names, controller.signal), timedOut]);
    } catch (error) {
      throw controller.signal.aborted ? controller.signal.reason : error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async ask(messages: BaseMessage[], names: string[], signal: AbortSignal): Promise<{ value: unknown; notes: string[] }> {
    const notes: string[] = [];
    const structured = this.output === "text" ? undefined : this.structuredModel(names);
    if (structured) {
      try {
        const { raw, parsed } = await structured.invoke(messages, { signal });
        return { value: parsed ?? readJson(messageText(raw)), notes };
      } catch (error) {
        if (this.output !== "auto" || signal.aborted || !refusedRequest(error)) throw error;
        notes.push(`the endpoint refused structured output (${firstLine(error)}); the plan was asked for as JSON text`);
      }
    }
    const answer = await this.model.invoke(messages, { signal });
    return { value: readJson(messageText(answer)), notes };
  }

  /** Structured output where the model supports it; undefined for a model that cannot (no response format, no tools). */
  private structuredModel(names: string[]) {
    try {
      return this.model.withStructuredOutput(modelPlanJsonSchema(names) as Record<string, unknown>, {
        name: "plan",
        method: "jsonSchema",
        includeRaw: true,
      });
    } catch {
      return undefined;
    }
  }
}

function readJson(text: string): unknown {
  try {
    return extractJsonObject(text);
  } catch (error) {
    throw new ModelPlanError("malformed output", (error as Error).message, { cause: error });
  }
}

function messageText(message: BaseMessage): string {
  const content = message.content;
  if (typeof content === "string") return content;
  return content.map((part) => (typeof part === "string" ? part : part.type === "text" ? String(part.text) : "")).join("");
}

/** A 4xx that means "this request shape is not supported" rather than "you are not allowed". */
function refusedRequest(error: unknown): boolean {
  const status = (error as { status?: unknown })?.status;
  return typeof status === "number" && [400, 404, 415, 422, 501].includes(status);
}

function describeFailure(error: unknown): { reason: ModelPlanFailure; detail: string } {
  if (error instanceof ModelPlanError) return { reason: error.reason, detail: `${error.reason}: ${error.message}` };
  // With a JSON-schema response format the OpenAI client parses the answer itself and throws a
  // SyntaxError on anything that is not JSON; LangChain's parsers throw OutputParserException.
  if (error instanceof SyntaxError || (error as Error | undefined)?.name === "OutputParserException") {
    return { reason: "malformed output", detail: `malformed output: ${firstLine(error)}` };
  }
  return { reason: "model error", detail: `model error: ${firstLine(error)}` };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split("\n")[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
