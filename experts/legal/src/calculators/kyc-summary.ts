import type { KycStatus, ScreenedParty } from "../counterparties.js";

/** Counterparties grouped by KYC status. */
export type KycSummary<P> = Record<KycStatus, P[]>;

/**
 * Groups counterparties by KYC status, so the rule can report the worst one
 * and name every counterparty that still blocks signing.
 *
 * @example
 * kycSummary([{ kyc: "failed" }, { kyc: "missing" }]).failed.length // 1
 */
export function kycSummary<P extends Pick<ScreenedParty, "kyc">>(parties: readonly P[]): KycSummary<P> {
  const summary: KycSummary<P> = { complete: [], pending: [], failed: [], missing: [] };
  for (const party of parties) summary[party.kyc].push(party);
  return summary;
}
