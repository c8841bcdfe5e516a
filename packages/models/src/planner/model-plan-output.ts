import { z } from "zod";
import { extractJson } from "../client/extract-json.js";
import { stripThink } from "../client/strip-think.js";
import { describeFirstIssue } from "@kyocho/core/validation";

/**
 * What the model is asked to return: one task per expert it would consult,
 * the sub-question written for that expert, and the experts it must wait
 * for. Ids and roles are the planner's business, not the model's: extra
 * keys are ignored.
 */
export const ModelPlanOutputSchema = z.object({
  tasks: z
    .array(
      z.object({
        expert: z.string().trim().min(1),
        question: z.string().max(4000).default(""),
        dependsOn: z.array(z.string().trim().min(1)).max(16).default([]),
        id: z.string().optional(),
      }),
    )
    .max(32),
  rationale: z.string().max(4000).default(""),
});
export type ModelPlanOutput = z.output<typeof ModelPlanOutputSchema>;

/**
 * The JSON Schema sent as the response format (`json_schema` structured
 * output), with the council's expert names as an enum so a server with
 * constrained decoding cannot name an expert that does not exist.
 *
 * @example
 * modelPlanJsonSchema(["lending", "fx"]).properties.tasks.items.properties.expert.enum // ["lending", "fx"]
 */
export function modelPlanJsonSchema(expertNames: readonly string[]) {
  return {
    title: "plan",
    description: "Which experts to consult, what to ask each, and what each waits for.",
    type: "object",
    additionalProperties: false,
    required: ["tasks", "rationale"],
    properties: {
      tasks: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["expert", "question", "dependsOn"],
          properties: {
            expert: { type: "string", enum: [...expertNames] },
            question: { type: "string", description: "The sub-question for this expert, in the user's language." },
            dependsOn: { type: "array", items: { type: "string", enum: [...expertNames] } },
          },
        },
      },
      rationale: { type: "string" },
    },
  } as const;
}

/**
 * Reads a model's answer as JSON, as the experts' model layer does: any
 * `<think>` block removed, then the whole text, a fenced block, or the
 * first balanced `{…}` after leading prose. Throws with a short reason when
 * there is no JSON to read.
 *
 * @example
 * extractJsonObject('Here you go:\n```json\n{"tasks": []}\n```') // { tasks: [] }
 */
export function extractJsonObject(text: string): unknown {
  const candidate = extractJson(stripThink(text).text);
  if (candidate === undefined) throw new Error("the answer holds no JSON");
  try {
    return JSON.parse(candidate);
  } catch (error) {
    throw new Error(`the answer is not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Validates a parsed answer against {@link ModelPlanOutputSchema}; throws
 * with the path of the first problem (`tasks[0].expert: …`).
 */
export function parseModelPlanOutput(value: unknown): ModelPlanOutput {
  const result = ModelPlanOutputSchema.safeParse(value);
  if (result.success) return result.data;
  const { path, reason } = describeFirstIssue(result.error);
  throw new Error(`the plan does not match the schema: ${path}: ${reason}`);
}
