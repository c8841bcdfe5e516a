import {
  DECISIONS,
  personKey,
  SignoffRequestSchema,
  type Assessment,
  type Decision,
  type Signature,
  type Signoff,
  type SignoffDecision,
  type SignoffRequestInput,
} from "@kyocho/core/assessment";
import { parseWith } from "@kyocho/core/validation";
import { SignoffRefusedError } from "./signoff-refused-error.js";

/** How the final decision reads as a status. */
const FINAL_STATUS = { approve: "approved", approve_with_conditions: "approved_with_conditions", decline: "declined" } as const;

/** True when a signer's decision lets the deal go ahead on easier terms than the council recommended. */
export function isMoreLenient(decision: SignoffDecision, recommendation: Decision): boolean {
  return decision !== "return" && DECISIONS.indexOf(decision) < DECISIONS.indexOf(recommendation);
}

/**
 * The sign-off rules, in one place: the council graph's `signoff` node and
 * every command that signs call this, so they cannot disagree. Given an
 * assessment awaiting sign-off and one signer's request, it returns the
 * sign-off with the signature added (final once enough people have signed),
 * or throws {@link SignoffRefusedError} and changes nothing. Refused:
 *
 * - an assessment that needs no sign-off, or is already final;
 * - a role below the required authority (or not in the policy);
 * - the person who requested the assessment (four eyes), and anyone signing twice;
 * - an approval of an assessment with a veto (sanctions, 反社): decline or return only;
 * - a decision more lenient than the recommendation without a reason, and a return without one;
 * - `approve_with_conditions` with no condition at all, and conditions given with any other decision.
 *
 * Approvals and declines need `required.signatures` different people; the
 * strictest signature decides (one decline among approvals declines, one
 * signer's conditions bind the approval). A `return` by any one of them is
 * final: the assessment goes back to the requester with the reason.
 *
 * @example
 * const signoff = applySignoff(assessment, { name: "sato", role: "credit_department", decision: "approve", reason: "…", at: new Date().toISOString() });
 */
export function applySignoff(assessment: Assessment, input: SignoffRequestInput): Signoff {
  const id = assessment.id;
  const refuse = (path: string, code: ConstructorParameters<typeof SignoffRefusedError>[1]["code"], message: string): never => {
    throw new SignoffRefusedError(message, { path, code, assessmentId: id });
  };
  const current = assessment.signoff;
  if (!current) return refuse("assessment", "NO_SIGNOFF_NEEDED", "needs no sign-off: the policy has no sign-off table or the case no facility");
  if (current.status !== "awaiting_signoff")
    return refuse("assessment", "SIGNOFF_FINAL", `is already ${current.status.replaceAll("_", " ")}: nothing more can be signed`);
  const request = parseWith(SignoffRequestSchema, input, { source: `sign-off of ${id}` });
  const { required } = current;

  if (!required.eligibleRoles.includes(request.role)) {
    return refuse(
      "role",
      "ROLE_NOT_AUTHORISED",
      `${request.role} may not sign: this assessment needs ${required.role} or above (${required.eligibleRoles.join(", ")})`,
    );
  }
  const signer = personKey(request.name);
  if (current.requestedBy !== undefined && personKey(current.requestedBy) === signer) {
    return refuse("name", "REQUESTER_SIGNING", `${request.name} requested this assessment and may not sign it: a second person must (four eyes)`);
  }
  if (current.signatures.some((s) => personKey(s.name) === signer)) {
    return refuse("name", "ALREADY_SIGNED", `${request.name} has already signed: each of the ${required.signatures} signatures must be a different person`);
  }
  const approving = request.decision === "approve" || request.decision === "approve_with_conditions";
  if (approving && assessment.vetoes.length > 0) {
    const rules = assessment.vetoes.map((v) => v.ruleId).join(", ");
    return refuse("decision", "VETOED", `${request.decision} is refused: a veto (${rules}) stands, and nobody can approve the deal; decline or return it`);
  }
  if (request.decision === "return" && request.reason === undefined) {
    return refuse("reason", "REASON_REQUIRED", "a return needs the reason the requester must act on");
  }
  const recommendation = required.basis.recommendation;
  const override = isMoreLenient(request.decision, recommendation);
  if (override && request.reason === undefined) {
    return refuse(
      "reason",
      "REASON_REQUIRED",
      `${request.decision} is more lenient than the ${recommendation} recommendation: give the reason for the override`,
    );
  }
  if (request.decision === "approve_with_conditions" && request.conditions.length === 0 && assessment.conditions.length === 0) {
    return refuse("conditions", "CONDITION_REQUIRED", "approve_with_conditions needs at least one condition: the assessment recommends none");
  }
  if (request.decision !== "approve_with_conditions" && request.conditions.length > 0) {
    return refuse("conditions", "BAD_SIGNOFF", `conditions go with approve_with_conditions, not ${request.decision}`);
  }

  const signature: Signature = {
    name: request.name,
    role: request.role,
    decision: request.decision,
    conditions: request.conditions,
    ...(request.reason !== undefined ? { reason: request.reason } : {}),
    at: request.at,
    override,
  };
  const signatures = [...current.signatures, signature];
  if (request.decision === "return") return { ...current, signatures, status: "returned", returnedReason: request.reason! };
  if (signatures.length < required.signatures) return { ...current, signatures };
  const decision = strictest(signatures.map((s) => s.decision as Exclude<SignoffDecision, "return">));
  const conditions = decision === "approve_with_conditions" ? [...new Set([...assessment.conditions, ...signatures.flatMap((s) => s.conditions)])] : [];
  return { ...current, signatures, status: FINAL_STATUS[decision], conditions };
}

function strictest(decisions: ReadonlyArray<Exclude<SignoffDecision, "return">>): Exclude<SignoffDecision, "return"> {
  return decisions.reduce((a, b) => (DECISIONS.indexOf(b) > DECISIONS.indexOf(a) ? b : a));
}
