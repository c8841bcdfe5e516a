import { z } from "zod";
import { SEVERITIES } from "@kyocho/core/assessment";

/**
 * The answer an expert's model is asked for, as sent in the JSON-schema
 * response format and in the prompt: a narrative, findings the rules did not
 * cover (each with a severity and the passages it rests on), and a
 * confidence between 0 and 1.
 */
export const ModelAnswerWireSchema = z.strictObject({
  narrative: z.string().max(4000),
  findings: z
    .array(
      z.strictObject({
        ruleId: z.string().max(60).optional(),
        severity: z.enum(SEVERITIES),
        title: z.string().min(1).max(200),
        message: z.string().min(1).max(2000),
        citations: z.array(z.strictObject({ document: z.string().min(1), section: z.string().min(1) })).max(5),
      }),
    )
    .max(10),
  confidence: z.number().min(0).max(1),
});

const lowerCase = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : value);
/** "0.8", 0.8 and 80 (a percentage) all mean 0.8. */
const unitInterval = (value: unknown) => {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value.replace(/%$/, "")) : value;
  return typeof n === "number" && n > 1 && n <= 100 ? n / 100 : n;
};

/**
 * How an answer is read: the wire shape, tolerant of what local models
 * commonly get slightly wrong (extra keys, `"High"`, a confidence of `80`,
 * missing `citations`), strict about everything that carries meaning.
 */
export const ModelAnswerSchema = z.object({
  narrative: z.string().max(4000),
  findings: z
    .array(
      z.object({
        ruleId: z.string().max(60).optional(),
        severity: z.preprocess(lowerCase, z.enum(SEVERITIES)),
        title: z.string().trim().min(1).max(200),
        message: z.string().trim().min(1).max(2000),
        citations: z
          .array(z.object({ document: z.string().trim().min(1), section: z.string().trim().min(1) }))
          .max(5)
          .default([]),
      }),
    )
    .max(10)
    .default([]),
  confidence: z.preprocess(unitInterval, z.number().min(0).max(1)),
});
export type ModelAnswer = z.output<typeof ModelAnswerSchema>;

let answerJsonSchema: Record<string, unknown> | undefined;

/**
 * The JSON Schema of {@link ModelAnswerWireSchema}, for `response_format` and
 * the prompt. Built once (zod's conversion cost ~0.4 ms, twice per model
 * call) and frozen, since every caller shares it.
 */
export function modelAnswerJsonSchema(): Record<string, unknown> {
  if (!answerJsonSchema) {
    const { $schema: _ignored, ...schema } = z.toJSONSchema(ModelAnswerWireSchema) as Record<string, unknown>;
    answerJsonSchema = deepFreeze(schema);
  }
  return answerJsonSchema;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
