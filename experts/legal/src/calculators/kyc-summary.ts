import type { Party } from "../parties.js";

/** KYC status of a party as the rules see it: `missing` when the case gives none. */
export type KycStatus = "complete" | "pending" | "failed" | "missing";

/** Parties grouped by KYC status. */
export type KycSummary<P> = Record<KycStatus, P[]>;

/**
 * Groups parties by KYC status, so the rule can report the worst one and
 * name every party that still blocks signing.
 *
 * @example
 * kycSummary([{ kyc: { status: "failed", path: "counterparties[0].kyc" } }, {}]).failed.length // 1
 */
export function kycSummary<P extends Pick<Party, "kyc">>(parties: readonly P[]): KycSummary<P> {
  const summary: KycSummary<P> = { complete: [], pending: [], failed: [], missing: [] };
  for (const party of parties) summary[party.kyc?.status ?? "missing"].push(party);
  return summary;
}
