import { z } from "@hono/zod-openapi";
import { AssessmentSchema, SIGNOFF_DECISIONS } from "@kyocho/core/assessment";
import { NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE } from "@kyocho/core/validation";

/**
 * The zod schemas that validate the service's requests and describe its answers; `/openapi.json` is
 * generated from these very schemas, so the document cannot drift from what the routes accept.
 */

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem", { description: "RFC 9457 problem details" });

/** The case is validated against the council's case schema by the route (GET /v1/schema/case), with its field paths. */
const CaseObject = z.record(z.string(), z.unknown()).openapi({ description: "A case (schemaVersion 2) as GET /v1/schema/case describes it" });

export const AssessRequestSchema = z
  .object({
    question: z.string().optional().openapi({ description: "The question, in English or Japanese (default: the case's own `question`)" }),
    case: CaseObject,
  })
  .openapi("AssessRequest");

export const PlanRequestSchema = z
  .object({
    question: z.string().optional(),
    case: CaseObject.optional(),
  })
  .openapi("PlanRequest");

const signerText = z.string().trim().min(1).max(2000).regex(NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE);

export const SignoffBodySchema = z
  .object({
    role: z.string().min(1).openapi({ description: "The authority signed with: one of the policy's sign-off roles; the token needs approver:<role>" }),
    decision: z.enum(SIGNOFF_DECISIONS),
    conditions: z.array(signerText).optional(),
    reason: signerText.optional(),
  })
  .strict()
  .openapi("SignoffRequest");

/**
 * The assessment exactly as `kyocho ask --json` prints it: core's schema, rebuilt here because a zod 4 schema
 * made before `@hono/zod-openapi` loaded has no `.openapi()`.
 */
export const AssessmentJsonSchema = z.strictObject(AssessmentSchema.shape).openapi("Assessment");

export const SignoffRecordSchema = z.object({
  assessmentId: z.string(),
  signer: z.string(),
  role: z.string(),
  decision: z.string(),
  conditions: z.array(z.string()),
  reason: z.string().optional(),
  signedAt: z.string(),
});

const recordFields = {
  id: z.string(),
  status: z.string(),
  question: z.string(),
  asOf: z.string().optional(),
  requestedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  policy: z.object({ id: z.string(), version: z.string().optional(), sha256: z.string() }),
  rating: z.string().optional(),
  decision: z.string().optional(),
  incomplete: z.boolean().optional(),
  supersedes: z.string().optional(),
};

export const AssessmentRecordSchema = z
  .object({ ...recordFields, signoffs: z.array(SignoffRecordSchema), assessment: AssessmentJsonSchema.optional() })
  .openapi("AssessmentRecord");

export const AssessmentListSchema = z.object({ items: z.array(z.object(recordFields).openapi("AssessmentSummary")) }).openapi("AssessmentList");

export const AcceptedSchema = z.object({ id: z.string(), status: z.string(), location: z.string() }).openapi("Accepted");

export const ListQuerySchema = z.object({
  status: z
    .string()
    .regex(/^[a-z_]+$/)
    .optional(),
  since: z.string().optional().openapi({ description: "ISO date or timestamp: records created at or after it" }),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const IdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,200}$/)
    .openapi({ param: { name: "id", in: "path" }, example: "a-22f79afb10bd00e650ba" }),
});

export const MeSchema = z.object({ subject: z.string(), roles: z.array(z.string()), canSignAs: z.array(z.string()) }).openapi("Me");

export const ExpertsSchema = z
  .object({ experts: z.array(z.object({ name: z.string(), description: z.string(), keywords: z.array(z.string()).optional() })) })
  .openapi("Experts");

export const HealthSchema = z.object({ status: z.literal("ok") });
export const ReadySchema = z.object({ status: z.enum(["ready", "not_ready"]), checks: z.record(z.string(), z.string()) }).openapi("Readiness");
export const JsonObjectSchema = z.record(z.string(), z.unknown());
