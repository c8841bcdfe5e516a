/**
 * True when the governing law is on the approved list. Compared trimmed and
 * case-insensitively (`ny` is `NY`); no other aliasing, so what counts as
 * approved is exactly what the policy file says. A missing law is not approved.
 *
 * @example
 * isApprovedGoverningLaw("ny", ["JP", "NY"]) // true
 * isApprovedGoverningLaw(undefined, ["JP"]) // false
 */
export function isApprovedGoverningLaw(law: string | undefined, approved: readonly string[]): boolean {
  if (law === undefined) return false;
  const wanted = normalise(law);
  if (wanted === "") return false;
  return approved.some((a) => normalise(a) === wanted);
}

function normalise(law: string): string {
  return law.normalize("NFKC").trim().toUpperCase();
}
