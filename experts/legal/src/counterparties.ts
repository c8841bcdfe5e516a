import type { Case, Counterparty } from "@kyocho/core";

/** KYC status of a counterparty as the rules see it: `missing` when the case gives none. */
export type KycStatus = "complete" | "pending" | "failed" | "missing";

/** A counterparty to screen, with where it came from in the case file. */
export interface ScreenedParty {
  name: string;
  country: string;
  role: Counterparty["role"];
  kyc: KycStatus;
  sanctionsHit: boolean;
  /** Case path of the entry (`counterparties[2]`), or `borrower` for the implicit borrower. */
  path: string;
  /** True for the borrower added because no counterparty has role borrower. */
  implicit: boolean;
}

/**
 * The counterparties the legal rules screen: those of the case, plus the
 * borrower (role borrower, KYC missing) when the case names a borrower and no
 * counterparty has role borrower — a bank never lends to a party it has not
 * screened, so an unlisted borrower is screened with no KYC on file.
 *
 * @example
 * screenedParties({ borrower: { name: "Acme", country: "US" } })
 * // [{ name: "Acme", country: "US", role: "borrower", kyc: "missing", sanctionsHit: false, path: "borrower", implicit: true }]
 */
export function screenedParties(c: Pick<Case, "borrower" | "counterparties">): ScreenedParty[] {
  const listed: ScreenedParty[] = (c.counterparties ?? []).map((cp, index) => ({
    name: cp.name,
    country: cp.country,
    role: cp.role,
    kyc: cp.kyc ?? "missing",
    sanctionsHit: cp.sanctionsHit === true,
    path: `counterparties[${index}]`,
    implicit: false,
  }));
  const hasBorrower = listed.some((p) => p.role === "borrower");
  if (hasBorrower || !c.borrower) return listed;
  return [
    ...listed,
    {
      name: c.borrower.name,
      country: c.borrower.country,
      role: "borrower",
      kyc: "missing",
      sanctionsHit: false,
      path: "borrower",
      implicit: true,
    },
  ];
}

/**
 * How a counterparty is named in a message: `Acme (borrower, US)`.
 *
 * @example
 * describeParty({ name: "Acme", role: "borrower", country: "US" }) // "Acme (borrower, US)"
 */
export function describeParty(p: Pick<ScreenedParty, "name" | "role" | "country">): string {
  return `${p.name} (${p.role}, ${p.country})`;
}
