import type { Policy } from "@kyocho/core";

/**
 * Who a request acts for: a token's subject and roles, or the local analyst when the service runs
 * without a tokens file (loopback only).
 */
export interface Identity {
  subject: string;
  roles: readonly string[];
  /** True when the identity came from a token: only then may it sign (a signature needs a person). */
  authenticated: boolean;
}

/** The roles a token may hold: `analyst`, `admin`, `monitor`, or `approver:<sign-off role>`. */
export const ROLE_PATTERN = /^(analyst|admin|monitor|approver:[a-z0-9_]+)$/;

/**
 * Whether the identity holds one of `roles` (`approver:*` is any approver role). `admin` holds every role but the
 * approvers': running the service is not credit authority, so a signature needs `approver:<role>` itself.
 */
export function hasRole(identity: Identity, ...roles: string[]): boolean {
  if (identity.roles.includes("admin") && roles.some((role) => !role.startsWith("approver:") || role === "approver:*")) return true;
  return roles.some((role) => (role.endsWith(":*") ? identity.roles.some((r) => r.startsWith(role.slice(0, -1))) : identity.roles.includes(role)));
}

/** Who may read assessments: analysts and approvers (and admins). */
export const READERS = ["analyst", "approver:*"] as const;

/**
 * The sign-off roles this identity may sign with: its `approver:` roles, and only those. An `admin` token runs the
 * service (reads, metrics) but signs nothing unless it also names an approver role: the separation of duties a
 * credit department keeps between operating a system and deciding on a loan.
 */
export function canSignAs(identity: Identity, policy: Policy): string[] {
  if (!identity.authenticated) return [];
  const known = new Set(policy.signoff?.roles ?? []);
  return identity.roles
    .filter((r) => r.startsWith("approver:"))
    .map((r) => r.slice("approver:".length))
    .filter((r) => known.has(r));
}
