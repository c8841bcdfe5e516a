import { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, NO_CONTROL_CHARACTERS } from "../validation/control-characters.js";
import { DecisionSchema } from "./decision.js";

/** Where an assessment stands in its 稟議: waiting for signatures, or final. */
export const SIGNOFF_STATUSES = ["awaiting_signoff", "approved", "approved_with_conditions", "declined", "returned"] as const;
export const SignoffStatusSchema = z.enum(SIGNOFF_STATUSES);
export type SignoffStatus = z.infer<typeof SignoffStatusSchema>;

/** What one signer decides. `return` sends the assessment back to the requester; it decides nothing. */
export const SIGNOFF_DECISIONS = ["approve", "approve_with_conditions", "return", "decline"] as const;
export const SignoffDecisionSchema = z.enum(SIGNOFF_DECISIONS);
export type SignoffDecision = z.infer<typeof SignoffDecisionSchema>;

/** One signature, as recorded. `override`: more lenient than the recommendation (a reason is then always present). */
export const SignatureSchema = z.strictObject({
  name: z.string().min(1),
  role: z.string().min(1),
  decision: SignoffDecisionSchema,
  conditions: z.array(z.string()).default([]),
  reason: z.string().optional(),
  /** ISO 8601 instant the signature was given. */
  at: z.string(),
  override: z.boolean().default(false),
});
export type Signature = z.output<typeof SignatureSchema>;

/**
 * The sign-off of an assessment: the authority it needs (fixed from the
 * policy when the recommendation was made), who requested it, the
 * signatures so far and, once final, the decision taken.
 */
export const SignoffSchema = z.strictObject({
  status: SignoffStatusSchema,
  required: z.strictObject({
    role: z.string(),
    signatures: z.number().int().positive(),
    eligibleRoles: z.array(z.string()).min(1),
    /** Why this authority: the amount in the policy's currency (absent when it could not be converted), recommendation and rating. */
    basis: z.strictObject({
      amount: z.number().optional(),
      currency: z.string(),
      recommendation: DecisionSchema,
      rating: z.string(),
    }),
  }),
  /** Who asked for the assessment; they may not sign it (four eyes). */
  requestedBy: z.string().optional(),
  signatures: z.array(SignatureSchema).default([]),
  /** The conditions the deal is approved under: the assessment's and every approving signer's. */
  conditions: z.array(z.string()).default([]),
  /** Why it was returned (status `returned`). */
  returnedReason: z.string().optional(),
});
export type Signoff = z.output<typeof SignoffSchema>;

const signerText = () => z.string().trim().min(1).regex(NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE);

/** What a signer submits: who, in which role, which decision, and why. It is the value a sign-off resumes the council graph with. */
export const SignoffRequestSchema = z.strictObject({
  name: signerText(),
  role: signerText(),
  decision: SignoffDecisionSchema,
  conditions: z.array(signerText()).default([]),
  reason: signerText().optional(),
  /** ISO 8601 instant, fixed by the caller so that checking and recording see the same signature. */
  at: z.string().datetime({ offset: true }),
});
export type SignoffRequest = z.output<typeof SignoffRequestSchema>;
export type SignoffRequestInput = z.input<typeof SignoffRequestSchema>;

/**
 * The same person however the name is typed: Unicode-normalised (full-width
 * letters fold), spaces collapsed, case ignored. "Sato", " sato " and "ＳＡＴＯ" are one person.
 */
export function personKey(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
