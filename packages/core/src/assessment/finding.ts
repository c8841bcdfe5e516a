import { z } from "zod";
import { SeveritySchema } from "./severity.js";

/**
 * Where a judgement comes from: a knowledge document and a section of it.
 * `excerpt` and `score` are present on retrieved passages.
 */
export const CitationSchema = z.strictObject({
  document: z.string().min(1),
  section: z.string().min(1),
  excerpt: z.string().optional(),
  score: z.number().optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

/** The rule id every expert uses for "a rule could not be evaluated: these fields are missing". */
export const DATA_GAP_RULE_ID = "DATA-GAP";
/** The rule id for "two values in the case cannot both be true": like a gap, it leaves the assessment incomplete. */
export const DATA_CONFLICT_RULE_ID = "DATA-CONFLICT";
/** What an advisory expert reports instead of a DATA-GAP: guidance, not a gap in the evidence. */
export const DATA_NEEDED_RULE_ID = "DATA-NEEDED";

/**
 * One judgement in an assessment. `source: "rule"` findings come from the
 * policy's rules and can never be changed by a model; `source: "model"`
 * findings are added by a model on top of them.
 */
export const FindingSchema = z.strictObject({
  ruleId: z.string().min(1),
  expert: z.string().min(1),
  domain: z.string().min(1),
  severity: SeveritySchema,
  title: z.string(),
  message: z.string(),
  metrics: z.record(z.string(), z.number().nullable()),
  citations: z.array(CitationSchema),
  condition: z.string().optional(),
  fields: z.array(z.string()).optional(),
  /** The Japanese form of title, message and condition (same numbers), for Japanese reports. */
  ja: z.strictObject({ title: z.string(), message: z.string(), condition: z.string().optional() }).optional(),
  source: z.enum(["rule", "model"]).default("rule"),
});
export type Finding = z.output<typeof FindingSchema>;
export type FindingInput = z.input<typeof FindingSchema>;
