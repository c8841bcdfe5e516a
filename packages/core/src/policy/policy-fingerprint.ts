import { createHash } from "node:crypto";
import { stableStringify } from "../assessment/assessment-id.js";
import type { Policy } from "./policy-schema.js";

/** Names one policy exactly: its id and version as written, and the SHA-256 of its validated content. */
export interface PolicyFingerprint {
  id: string;
  version?: string | undefined;
  /** SHA-256 (hex) of the policy's canonical JSON (keys sorted, defaults filled in by validation). */
  sha256: string;
}

const fingerprints = new WeakMap<Policy, PolicyFingerprint>();

/**
 * The fingerprint of a validated policy. Two files that validate to the same
 * content (key order, comments, defaults written out or not) have the same
 * SHA-256; any change of a threshold, a list or a text changes it. Computed
 * once per policy object.
 *
 * @example
 * policyFingerprint(policy) // { id: "reference-v2", version: "2.0.0", sha256: "9b1f…" }
 */
export function policyFingerprint(policy: Policy): PolicyFingerprint {
  const known = fingerprints.get(policy);
  if (known) return known;
  const sha256 = createHash("sha256").update(stableStringify(policy)).digest("hex");
  const fingerprint: PolicyFingerprint = Object.freeze({ id: policy.id, ...(policy.version !== undefined ? { version: policy.version } : {}), sha256 });
  fingerprints.set(policy, fingerprint);
  return fingerprint;
}
