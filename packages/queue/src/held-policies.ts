import { policyFingerprint, UserInputError, type Expert, type Policy, type PolicyFingerprint } from "@kyocho/core";

/**
 * The code a job fails with when its worker does not hold its policy; its
 * failure reason starts with `POLICY_MISMATCH: `.
 *
 * @example
 * if (reason.startsWith(`${POLICY_MISMATCH}: `)) console.error("start the worker with --policy");
 */
export const POLICY_MISMATCH = "POLICY_MISMATCH";

/** Hex digits of a SHA-256 shown in messages. */
const SHORT = 12;

/**
 * The policies a worker serves, found by the SHA-256 a job names. Each is
 * checked against the expert when the worker starts (a policy without the
 * expert's section is refused then, not at the first job), which also
 * caches the expert's parsed section on the policy object for every job.
 *
 * @example
 * const held = new HeldPolicies([policy], lendingExpert);
 * const policy = held.find(data.policy) ?? fail(held.mismatch(data.policy));
 */
export class HeldPolicies {
  private readonly bySha = new Map<string, { policy: Policy; fingerprint: PolicyFingerprint }>();

  constructor(policies: readonly Policy[], expert: Pick<Expert, "resolvePolicy" | "name">) {
    if (!Array.isArray(policies) || policies.length === 0) {
      throw new UserInputError(`a worker of ${expert.name} needs at least one policy to run its jobs under`, { source: "worker", path: "policies" });
    }
    for (const policy of policies as readonly Policy[]) {
      expert.resolvePolicy(policy);
      const fingerprint = policyFingerprint(policy);
      if (!this.bySha.has(fingerprint.sha256)) this.bySha.set(fingerprint.sha256, { policy, fingerprint });
    }
  }

  /** The held policy with this fingerprint's SHA-256, if any. */
  find(reference: Pick<PolicyFingerprint, "sha256">): Policy | undefined {
    return this.bySha.get(reference.sha256)?.policy;
  }

  /** What a job for a policy not held fails with: the job's policy and the held ones, by id and short SHA. */
  mismatch(reference: PolicyFingerprint): string {
    const held = [...this.bySha.values()].map(({ fingerprint }) => describe(fingerprint)).join(", ");
    return `${POLICY_MISMATCH}: the job's policy ${describe(reference)} is not one this worker holds (${held}); start a worker with --policy for it`;
  }
}

function describe(f: PolicyFingerprint): string {
  return `${f.id}${f.version !== undefined ? ` v${f.version}` : ""} (sha256 ${f.sha256.slice(0, SHORT)})`;
}
