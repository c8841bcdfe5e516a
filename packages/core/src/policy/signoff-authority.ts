import { z } from "zod";
import { DECISIONS, DecisionSchema, type Decision } from "../assessment/decision.js";
import { RATINGS, RatingSchema, type Rating } from "../assessment/severity.js";
import { CurrencyCodeSchema } from "../case/case-schema.js";

const RoleNameSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be a role name such as credit_department");

/**
 * One rung of delegated authority (決裁権限): the role that may sign an
 * assessment within these limits, and how many different people of that role
 * (or above) must sign. A limit left out means "any".
 */
export const SignoffAuthoritySchema = z.strictObject({
  role: RoleNameSchema,
  /** The largest facility, in the policy's `currency` (inclusive), this authority may decide. */
  upToAmount: z.number().finite().positive().optional(),
  /** The least favourable recommendation it may decide (`approve_with_conditions`: not an escalation or a decline). */
  upToDecision: DecisionSchema.optional(),
  /** The worst rating it may decide. */
  upToRating: RatingSchema.optional(),
  signatures: z.number().int().min(1).max(9).default(1),
});
export type SignoffAuthority = z.output<typeof SignoffAuthoritySchema>;

type Limit = "upToAmount" | "upToDecision" | "upToRating";
const rank: Record<Limit, (a: SignoffAuthority) => number> = {
  upToAmount: (a) => a.upToAmount ?? Infinity,
  upToDecision: (a) => (a.upToDecision === undefined ? Infinity : DECISIONS.indexOf(a.upToDecision)),
  upToRating: (a) => (a.upToRating === undefined ? Infinity : RATINGS.indexOf(a.upToRating)),
};

/**
 * The sign-off table of a policy: the roles from lowest to highest and the
 * authorities in the same order. Refused at load, with the field path, when
 * a larger amount, a worse recommendation or a worse rating could need a
 * lower authority or fewer signatures, or when some assessment would find
 * nobody who may sign it.
 */
export const SignoffPolicySchema = z
  .strictObject({
    /** The currency the amounts are written in; a facility in another currency is converted at the case's spot. */
    currency: CurrencyCodeSchema,
    /** Every role that may sign, lowest first. A role may sign whatever a lower role may. */
    roles: z.array(RoleNameSchema).min(1),
    authorities: z.array(SignoffAuthoritySchema).min(1),
  })
  .superRefine((table, ctx) => {
    const seen = new Set<string>();
    table.roles.forEach((role, i) => {
      if (seen.has(role)) ctx.addIssue({ code: "custom", path: ["roles", i], message: `${role} is listed twice` });
      seen.add(role);
    });
    let previous: SignoffAuthority | undefined;
    table.authorities.forEach((authority, i) => {
      const roleRank = table.roles.indexOf(authority.role);
      if (roleRank < 0) {
        ctx.addIssue({ code: "custom", path: ["authorities", i, "role"], message: `${authority.role} is not one of the roles (${table.roles.join(", ")})` });
      } else if (previous && roleRank <= table.roles.indexOf(previous.role)) {
        ctx.addIssue({
          code: "custom",
          path: ["authorities", i, "role"],
          message: `must be above ${previous.role}: list the authorities from lowest to highest`,
        });
      }
      if (previous) {
        for (const limit of ["upToAmount", "upToDecision", "upToRating"] as const) {
          if (rank[limit](authority) < rank[limit](previous)) {
            ctx.addIssue({
              code: "custom",
              path: ["authorities", i, limit],
              message: `is below ${previous.role}'s: a larger amount, a worse recommendation or a worse rating never needs a lower authority`,
            });
          }
        }
        if (authority.signatures < previous.signatures) {
          ctx.addIssue({
            code: "custom",
            path: ["authorities", i, "signatures"],
            message: `is fewer than ${previous.role}'s ${previous.signatures}: a higher authority never needs fewer signatures`,
          });
        }
      }
      previous = authority;
    });
    const last = table.authorities.length - 1;
    const top = table.authorities[last]!;
    for (const limit of ["upToAmount", "upToDecision", "upToRating"] as const) {
      if (top[limit] !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["authorities", last, limit],
          message: "must be left out on the highest authority: every assessment needs someone who may sign it",
        });
      }
    }
  });
export type SignoffPolicy = z.output<typeof SignoffPolicySchema>;

/** What an assessment needs before it is final: the lowest authority whose limits cover it. */
export interface RequiredAuthority {
  role: string;
  signatures: number;
  /** The roles that may sign: `role` and every role above it. */
  eligibleRoles: string[];
}

/**
 * The lowest authority whose limits cover the facility amount (in the
 * table's currency), the recommendation and the rating. An amount that could
 * not be converted (`undefined`, no spot in the case) counts as larger than
 * every limit: the highest authority decides what nobody could measure.
 *
 * @example
 * requiredAuthority(policy.signoff, { amount: 5e9, decision: "escalate", rating: "high" }) // { role: "credit_department", signatures: 1, … }
 */
export function requiredAuthority(table: SignoffPolicy, input: { amount: number | undefined; decision: Decision; rating: Rating }): RequiredAuthority {
  const amount = input.amount ?? Infinity;
  const decision = DECISIONS.indexOf(input.decision);
  const rating = RATINGS.indexOf(input.rating);
  const covers = (a: SignoffAuthority) => amount <= rank.upToAmount(a) && decision <= rank.upToDecision(a) && rating <= rank.upToRating(a);
  // Validation guarantees the last authority covers everything.
  const authority = table.authorities.find(covers) ?? table.authorities[table.authorities.length - 1]!;
  return { role: authority.role, signatures: authority.signatures, eligibleRoles: table.roles.slice(table.roles.indexOf(authority.role)) };
}
