import { term } from "./i18n.js";

/**
 * The sign-off form: offered only to a token that can sign (`/v1/me` `canSignAs`), with the roles it holds that the
 * assessment's sign-off accepts. Returns the request body the service expects.
 */
export function signableRoles(canSignAs, eligibleRoles) {
  if (!eligibleRoles || eligibleRoles.length === 0) return [...canSignAs];
  return canSignAs.filter((role) => eligibleRoles.includes(role));
}

/** Fills the role select (keeping the words of the decision options in the current language). */
export function fillRoles(select, roles) {
  select.replaceChildren(
    ...roles.map((role) => {
      const option = select.ownerDocument.createElement("option");
      option.value = role;
      option.textContent = role;
      return option;
    }),
  );
}

/** `{ role, decision, conditions?, reason? }` from the form: conditions one per line, blank lines dropped. */
export function signoffBody(form) {
  const data = new FormData(form);
  const conditions = String(data.get("conditions") ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const reason = String(data.get("reason") ?? "").trim();
  return {
    role: String(data.get("role")),
    decision: String(data.get("decision")),
    ...(conditions.length ? { conditions } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** One signature as a line: who, with which authority, what they decided. */
export function signatureText(signature, t) {
  return t("signedBy", { name: signature.name, role: signature.role, decision: term("d", signature.decision) });
}
