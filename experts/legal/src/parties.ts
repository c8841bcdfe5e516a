import { KYC_STATUSES, type AntiSocialCheck, type Counterparty, type KycRecord } from "@kyocho/core/case";
import type { Case } from "@kyocho/core";

/** A party's role in the deal; members of the borrower's connected group have none and read `group`. */
export type PartyRole = Counterparty["role"] | "group";

/** The sanctions screening of a party as the rules read it, with the field path it came from. */
export interface PartyScreening {
  result: "clear" | "potential_match" | "hit";
  /** Absent for the v1 flag `sanctionsHit`, which carries no date. */
  screenedOn?: string | undefined;
  lists?: string[] | undefined;
  /** `counterparties[2].screening`, or `….sanctionsHit` for the v1 flag. */
  path: string;
}

/** The KYC record of a party, normalised from either case form, with its field path. */
export type PartyKyc = KycRecord & { path: string };

/** The anti-social-forces check (反社チェック) of a party, with its field path. */
export type PartyAntiSocialCheck = AntiSocialCheck & { path: string };

/** One entry of the case that names a party, and the country it gives. */
export interface PartyEntry {
  path: string;
  country: string;
}

/**
 * A party of the deal as the compliance rules see it: every country it is
 * given, every entry of the case that names it, and its combined evidence.
 */
export interface Party {
  name: string;
  role: PartyRole;
  /** Every distinct country the case gives the party (more than one is a DATA-CONFLICT). */
  countries: string[];
  entries: PartyEntry[];
  /** The first entry's path: where a missing piece of evidence belongs. */
  path: string;
  screening?: PartyScreening | undefined;
  kyc?: PartyKyc | undefined;
  antiSocialCheck?: PartyAntiSocialCheck | undefined;
}

interface PartyFields {
  name: string;
  country: string;
  screening?: { result: PartyScreening["result"]; screenedOn: string; lists?: string[] | undefined } | undefined;
  sanctionsHit?: boolean | undefined;
  kyc?: KycRecord | KycRecord["status"] | undefined;
  antiSocialCheck?: AntiSocialCheck | undefined;
}

/**
 * The parties of a case: the borrower, every counterparty and every member
 * of the borrower's connected group — every one of them is screened. A
 * counterparty with role `borrower` whose name equals `borrower.name`
 * (trimmed, case-insensitive) is the borrower listed twice: one party,
 * with every country it is given and its evidence combined conservatively
 * (see {@link combineEvidence}).
 *
 * @example
 * caseParties(c).map((p) => p.path) // ["borrower", "counterparties[1]", "group.members[0]"]
 */
export function caseParties(c: Pick<Case, "borrower" | "counterparties" | "group">): Party[] {
  const parties: Party[] = [];
  const borrower = c.borrower ? fromEntry(c.borrower, "borrower", "borrower") : undefined;
  if (borrower) parties.push(borrower);
  (c.counterparties ?? []).forEach((cp, index) => {
    const party = fromEntry(cp, cp.role, `counterparties[${index}]`);
    if (borrower && cp.role === "borrower" && sameName(cp.name, borrower.name)) combineEvidence(borrower, party);
    else parties.push(party);
  });
  (c.group?.members ?? []).forEach((member, index) => parties.push(fromEntry(member, "group", `group.members[${index}]`)));
  return parties;
}

/**
 * How a party is named in a message: `Acme (borrower, US)`, with every
 * country it is given: `Acme (borrower, IR/JP)`.
 *
 * @example
 * describeParty({ name: "Acme", role: "borrower", countries: ["US"] }) // "Acme (borrower, US)"
 */
export function describeParty(p: Pick<Party, "name" | "role" | "countries">): string {
  return `${p.name} (${p.role === "group" ? "group member" : p.role}, ${p.countries.join("/")})`;
}

/** How each role is named in a Japanese message. */
const ROLE_JA: Record<PartyRole, string> = {
  borrower: "借り手",
  guarantor: "保証人",
  target: "買収対象",
  seller: "売り手",
  other: "その他",
  group: "グループ会社",
};

/**
 * How a party is named in a Japanese message, as {@link describeParty} in
 * English: the same name and countries, the role in Japanese.
 *
 * @example
 * describePartyJa({ name: "東雲興産株式会社", role: "guarantor", countries: ["JP"] }) // "東雲興産株式会社（保証人、JP）"
 */
export function describePartyJa(p: Pick<Party, "name" | "role" | "countries">): string {
  return `${p.name}（${ROLE_JA[p.role]}、${p.countries.join("/")}）`;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function fromEntry(entry: PartyFields, role: PartyRole, path: string): Party {
  const kyc = typeof entry.kyc === "string" ? { status: entry.kyc } : entry.kyc;
  const screening: PartyScreening | undefined = entry.screening
    ? { ...entry.screening, path: `${path}.screening` }
    : entry.sanctionsHit !== undefined
      ? { result: entry.sanctionsHit ? "hit" : "clear", path: `${path}.sanctionsHit` }
      : undefined;
  return {
    name: entry.name,
    role,
    countries: [entry.country],
    entries: [{ path, country: entry.country }],
    path,
    ...(screening ? { screening } : {}),
    ...(kyc ? { kyc: { ...kyc, path: `${path}.kyc` } } : {}),
    ...(entry.antiSocialCheck ? { antiSocialCheck: { ...entry.antiSocialCheck, path: `${path}.antiSocialCheck` } } : {}),
  };
}

/**
 * Folds a second entry of the same party into the first. A compliance
 * officer reads two records of one party by their worst: a hit on either
 * stands; otherwise the most recent dated screening or check counts (an
 * undated one counts as oldest); the worse KYC status counts (the later
 * review on a tie), a PEP flag on either record makes the party a PEP, and
 * enhanced due diligence recorded on either counts as done.
 */
export function combineEvidence(into: Party, other: Party): void {
  into.entries.push(...other.entries);
  for (const country of other.countries) if (!into.countries.includes(country)) into.countries.push(country);
  into.screening = worse(
    into.screening,
    other.screening,
    (s) => s.result === "hit",
    (s) => s.screenedOn,
  );
  into.antiSocialCheck = worse(
    into.antiSocialCheck,
    other.antiSocialCheck,
    (s) => s.result === "hit",
    (s) => s.checkedOn,
  );
  if (into.kyc && other.kyc) {
    const rank = (k: PartyKyc) => KYC_SEVERITY.indexOf(k.status);
    const [a, b] = [into.kyc, other.kyc];
    const chosen = rank(a) !== rank(b) ? (rank(a) > rank(b) ? a : b) : (b.reviewedOn ?? "") > (a.reviewedOn ?? "") ? b : a;
    // EDD done is EDD done, whichever record notes it.
    into.kyc = a.pep || b.pep ? { ...chosen, pep: true, eddComplete: a.eddComplete === true || b.eddComplete === true } : chosen;
  } else {
    into.kyc = into.kyc ?? other.kyc;
  }
}

/** KYC statuses from best to worst. */
const KYC_SEVERITY: readonly (typeof KYC_STATUSES)[number][] = ["complete", "pending", "failed"];

function worse<T>(a: T | undefined, b: T | undefined, isHit: (t: T) => boolean, dateOf: (t: T) => string | undefined): T | undefined {
  if (!a || !b) return a ?? b;
  if (isHit(a) !== isHit(b)) return isHit(a) ? a : b;
  return (dateOf(b) ?? "") > (dateOf(a) ?? "") ? b : a;
}
