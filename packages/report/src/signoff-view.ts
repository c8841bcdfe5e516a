import type { Signoff, SignoffDecision, SignoffStatus } from "@kyocho/core/assessment";
import type { Severity } from "@kyocho/core";
import type { ReportLabels } from "./report-labels.js";

/** The words of the sign-off section, in English and Japanese. Roles a bank names itself fall back to their id. */
interface SignoffLabels {
  heading: string;
  statuses: Record<SignoffStatus, string>;
  decisions: Record<SignoffDecision, string>;
  roles: Record<string, string>;
  needs: (role: string, signatures: number) => string;
  basis: (amount: string | undefined, recommendation: string, rating: string) => string;
  requestedBy: (name: string) => string;
  returned: (reason: string) => string;
  override: (decision: string, recommendation: string, name: string, role: string, reason: string) => string;
  none: string;
  columns: [signer: string, role: string, when: string, decision: string, conditions: string, reason: string];
  conditionsHeading: string;
}

const EN: SignoffLabels = {
  heading: "Sign-off",
  statuses: {
    awaiting_signoff: "Awaiting sign-off",
    approved: "Approved",
    approved_with_conditions: "Approved with conditions",
    declined: "Declined",
    returned: "Returned",
  },
  decisions: { approve: "approve", approve_with_conditions: "approve with conditions", return: "return", decline: "decline" },
  roles: { branch_manager: "branch manager", credit_department: "credit department", credit_committee: "credit committee" },
  needs: (role, n) => `Needs the ${role} (${n === 1 ? "one signature" : `${n} signatures of different people`}).`,
  basis: (amount, recommendation, rating) =>
    `${amount === undefined ? "Facility amount not convertible (a spot is missing)" : `Facility ${amount}`}, ${recommendation} recommendation, rating ${rating}.`,
  requestedBy: (name) => `Requested by ${name}; the requester may not sign.`,
  returned: (reason) => `Returned to the requester: ${reason}`,
  override: (decision, recommendation, name, role, reason) =>
    `${decision} against ${/^[aeiou]/.test(recommendation) ? "an" : "a"} ${recommendation} recommendation by ${name} (${role}), reason: ${reason}`,
  none: "No signature yet.",
  columns: ["Signer", "Role", "When", "Decision", "Conditions", "Reason"],
  conditionsHeading: "Approved under these conditions",
};

const JA: SignoffLabels = {
  heading: "決裁",
  statuses: { awaiting_signoff: "決裁待ち", approved: "承認", approved_with_conditions: "条件付き承認", declined: "謝絶", returned: "差戻し" },
  decisions: { approve: "承認", approve_with_conditions: "条件付き承認", return: "差戻し", decline: "謝絶" },
  roles: { branch_manager: "支店長", credit_department: "審査部", credit_committee: "与信委員会" },
  needs: (role, n) => `決裁権限：${role}（${n === 1 ? "署名 1 名" : `異なる ${n} 名の署名`}）。`,
  basis: (amount, recommendation, rating) =>
    `${amount === undefined ? "与信額を換算できません（為替レートなし）" : `与信額 ${amount}`}、推奨判定 ${recommendation}、リスク評価 ${rating}。`,
  requestedBy: (name) => `申請者：${name}（申請者は署名できません）。`,
  returned: (reason) => `申請者へ差戻し：${reason}`,
  override: (decision, recommendation, name, role, reason) => `${name}（${role}）が推奨判定「${recommendation}」に反して${decision}。理由：${reason}`,
  none: "署名はまだありません。",
  columns: ["署名者", "権限", "日時", "決定", "条件", "理由"],
  conditionsHeading: "承認条件（決裁）",
};

/** One signature as a report row: every cell already in the report's language. */
export interface SignatureRow {
  name: string;
  role: string;
  at: string;
  decision: string;
  conditions: string[];
  reason: string;
  override: boolean;
}

/** What the sign-off section of a report says, in the report's language: shared by the HTML and the Markdown. */
export interface SignoffView {
  heading: string;
  status: SignoffStatus;
  statusText: string;
  needs: string;
  basis: string;
  requestedBy?: string;
  returned?: string;
  /** One sentence per signature more lenient than the recommendation ("approved against an escalate recommendation by …, reason …"). */
  overrides: string[];
  columns: SignoffLabels["columns"];
  rows: SignatureRow[];
  none: string;
  conditionsHeading: string;
  conditions: string[];
}

/**
 * The sign-off of an assessment as a report shows it: the status, the
 * authority needed and why, who requested it, each signature (who, role,
 * when, decision, conditions, reason), and every override spelled out.
 */
export function signoffView(signoff: Signoff, labels: ReportLabels): SignoffView {
  const lang = labels.lang;
  const l = lang === "ja" ? JA : EN;
  const role = (r: string) => l.roles[r] ?? r;
  const { basis } = signoff.required;
  const amount = basis.amount === undefined ? undefined : `${basis.currency} ${basis.amount.toLocaleString("en-US")}`;
  const at = (iso: string) =>
    iso
      .replace("T", " ")
      .replace(/\.\d+/, "")
      .replace(/Z$/, " UTC")
      .replace(/([+-]\d\d:\d\d)$/, " $1");
  // The recommendation reads as the policy's word in English ("an escalate recommendation"), translated in Japanese.
  const recommendation = lang === "ja" ? labels.decisions[basis.recommendation] : basis.recommendation;
  const rating = lang === "ja" ? (labels.severities[basis.rating as Severity] ?? basis.rating) : basis.rating;
  return {
    heading: l.heading,
    status: signoff.status,
    statusText: l.statuses[signoff.status],
    needs: l.needs(role(signoff.required.role), signoff.required.signatures),
    basis: l.basis(amount, recommendation, rating),
    ...(signoff.requestedBy !== undefined ? { requestedBy: l.requestedBy(signoff.requestedBy) } : {}),
    ...(signoff.returnedReason !== undefined ? { returned: l.returned(signoff.returnedReason) } : {}),
    overrides: signoff.signatures
      .filter((s) => s.override)
      .map((s) => l.override(lang === "ja" ? l.decisions[s.decision] : pastTense(s.decision), recommendation, s.name, role(s.role), s.reason ?? "")),
    columns: l.columns,
    rows: signoff.signatures.map((s) => ({
      name: s.name,
      role: role(s.role),
      at: at(s.at),
      decision: l.decisions[s.decision],
      conditions: s.conditions,
      reason: s.reason ?? "",
      override: s.override,
    })),
    none: l.none,
    conditionsHeading: l.conditionsHeading,
    conditions: signoff.status === "approved_with_conditions" ? signoff.conditions : [],
  };
}

function pastTense(decision: SignoffDecision): string {
  return { approve: "approved", approve_with_conditions: "approved with conditions", return: "returned", decline: "declined" }[decision];
}
