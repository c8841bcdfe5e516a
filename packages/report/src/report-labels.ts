import { SEVERITIES, type Veto } from "@kyocho/core/assessment";
import type { Assessment, Decision, Severity } from "@kyocho/core";

/** How a veto is named in a report's first line; a policy's own vetoes fall back to their rule title. */
const VETO_NAMES_EN: Record<string, string> = { "LEG-SANC": "sanctions", "LEG-ASF": "anti-social forces (反社)" };
const VETO_NAMES_JA: Record<string, string> = { "LEG-SANC": "制裁", "LEG-ASF": "反社会的勢力" };

/** The languages a report can be written in. */
export const REPORT_LANGUAGES = ["en", "ja"] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** Every word of a report that is not case data. */
export interface ReportLabels {
  lang: ReportLanguage;
  title: string;
  brand: string;
  caseLabel: string;
  assessmentLabel: string;
  policyLabel: string;
  generatedLabel: string;
  decisionLabel: string;
  ratingLabel: string;
  decisions: Record<Decision, string>;
  decisionNotes: Record<Decision, string>;
  severities: Record<Severity, string>;
  statuses: Record<"ok" | "failed" | "skipped", string>;
  roles: Record<"required" | "advisory", string>;
  domains: Record<string, string>;
  incomplete: string;
  incompleteNote: string;
  findingsCount: (n: number) => string;
  expertsAnswered: (ok: number, all: number) => string;
  conditionsCount: (n: number) => string;
  reasons: string;
  asOfLabel: string;
  /** The heading line of a veto, printed before anything else: "Declined: sanctions veto — …". */
  veto: (v: Veto) => string;
  /** The one-sentence summary: the assessment's own in English, composed from its figures in Japanese. */
  summary: (a: Assessment) => string;
  executiveSummary: string;
  executiveSummaryNote: (model: string, host: string) => string;
  heatMap: string;
  heatMapCaption: string;
  domainColumn: string;
  overall: string;
  conditions: string;
  conditionsNone: string;
  findings: string;
  findingsNone: string;
  noDomainFindings: string;
  severityColumn: string;
  ruleColumn: string;
  findingColumn: string;
  condition: string;
  fields: string;
  sources: string;
  fromModel: string;
  missing: string;
  missingNote: string;
  plan: string;
  planCaption: (planner: string, tasks: number) => string;
  merge: string;
  taskColumn: string;
  afterColumn: string;
  subQuestionColumn: string;
  planWarnings: string;
  /** Marks a dependency on another expert's whole answer (not just its facts). */
  awaitsAnswer: string;
  /** Marks a sub-task that started before the planner model answered. */
  speculative: string;
  experts: string;
  expertColumn: string;
  statusColumn: string;
  roleColumn: string;
  modelColumn: string;
  latencyColumn: string;
  findingsColumn: string;
  notesColumn: string;
  rulesOnly: string;
  models: string;
  outcomeColumn: string;
  modeColumn: string;
  callsColumn: string;
  reasoningOn: string;
  reasoningOff: string;
  accepted: (added: number) => string;
  fallback: string;
  metrics: string;
  knowledge: string;
  knowledgeNone: string;
  footer: (policy: string) => string;
  /** The footer line naming the exact policy content applied (its SHA-256), so a reader can tell two versions of one policy apart. */
  policyFingerprint: (id: string, sha256: string) => string;
}

const en: ReportLabels = {
  lang: "en",
  title: "Risk assessment",
  brand: "kyocho 協調",
  caseLabel: "Case",
  assessmentLabel: "Assessment",
  policyLabel: "Policy",
  generatedLabel: "Generated",
  decisionLabel: "Decision",
  ratingLabel: "Rating",
  decisions: { approve: "Approve", approve_with_conditions: "Approve with conditions", escalate: "Escalate", decline: "Decline" },
  decisionNotes: {
    approve: "Within policy: the deal may proceed.",
    approve_with_conditions: "May proceed once the conditions below are met.",
    escalate: "Outside the delegated authority: refer to the credit committee.",
    decline: "Do not proceed.",
  },
  severities: { info: "Info", low: "Low", medium: "Medium", high: "High", critical: "Critical" },
  statuses: { ok: "answered", failed: "failed", skipped: "skipped" },
  roles: { required: "required", advisory: "advisory" },
  domains: { lending: "Lending", legal: "Legal & compliance", fx: "FX", markets: "Markets" },
  incomplete: "Incomplete",
  incompleteNote: "Evidence is missing: the decision cannot be an approval until it is supplied.",
  findingsCount: (n) => `${n} finding${n === 1 ? "" : "s"}`,
  expertsAnswered: (ok, all) => `${ok} of ${all} experts answered`,
  conditionsCount: (n) => `${n} condition${n === 1 ? "" : "s"}`,
  reasons: "Why",
  asOfLabel: "As of",
  veto: (v) => `Declined: ${VETO_NAMES_EN[v.ruleId] ?? v.title.toLowerCase()} veto — ${v.message}`,
  summary: (a) => a.summary,
  executiveSummary: "Executive summary",
  executiveSummaryNote: (model, host) => `Written by ${model} at ${host}. The rating and the decision are the policy's, not the model's.`,
  heatMap: "Risk heat map",
  heatMapCaption: "Findings by domain and severity. The domain's rating is its most severe finding.",
  domainColumn: "Domain",
  overall: "Overall",
  conditions: "Conditions",
  conditionsNone: "No condition: no finding of medium severity or above recommends one.",
  findings: "Findings by domain",
  findingsNone: "No findings.",
  noDomainFindings: "No finding: every rule the policy applies here is met.",
  severityColumn: "Severity",
  ruleColumn: "Rule",
  findingColumn: "Finding",
  condition: "Condition",
  fields: "Fields",
  sources: "Sources",
  fromModel: "added by a model",
  missing: "Missing evidence",
  missingNote: "The assessment is incomplete until these are supplied:",
  plan: "How the question was split",
  planCaption: (planner, tasks) =>
    `${tasks} sub-task${tasks === 1 ? "" : "s"}, planned by the ${planner} planner; arrows point from a sub-task to the one that runs after it.`,
  merge: "Merge",
  taskColumn: "Sub-task",
  afterColumn: "Runs after",
  subQuestionColumn: "Sub-question",
  planWarnings: "Plan warnings",
  awaitsAnswer: "its answer",
  speculative: "started before the plan",
  experts: "Experts",
  expertColumn: "Expert",
  statusColumn: "Status",
  roleColumn: "Role",
  modelColumn: "Model",
  latencyColumn: "Latency",
  findingsColumn: "Findings",
  notesColumn: "Notes",
  rulesOnly: "rules only",
  models: "Models",
  outcomeColumn: "Outcome",
  modeColumn: "Mode",
  callsColumn: "Calls",
  reasoningOn: "reasoning",
  reasoningOff: "non-thinking",
  accepted: (added) => `accepted, ${added} finding${added === 1 ? "" : "s"} added`,
  fallback: "fell back to the rules",
  metrics: "Key metrics",
  knowledge: "Knowledge consulted",
  knowledgeNone: "No passage was retrieved.",
  footer: (policy) =>
    `Rating and decision are the deterministic merge of the experts' findings under ${policy}: the rating is the most severe domain, the decision follows the policy's table, and an incomplete assessment is never an approval. Models, where used, may add findings but never set the rating.`,
  policyFingerprint: (id, sha256) => `Policy ${id}, SHA-256 ${sha256}`,
};

const ja: ReportLabels = {
  lang: "ja",
  title: "リスク審査",
  brand: "kyocho 協調",
  caseLabel: "案件",
  assessmentLabel: "審査ID",
  policyLabel: "ポリシー",
  generatedLabel: "作成日時",
  decisionLabel: "判定",
  ratingLabel: "リスク評価",
  decisions: { approve: "承認", approve_with_conditions: "条件付き承認", escalate: "上申", decline: "謝絶" },
  decisionNotes: {
    approve: "ポリシーの範囲内です。取引を進められます。",
    approve_with_conditions: "下記の条件を満たせば取引を進められます。",
    escalate: "委任された権限を超えています。審査委員会に付議してください。",
    decline: "取引を進めないでください。",
  },
  severities: { info: "参考", low: "低", medium: "中", high: "高", critical: "重大" },
  statuses: { ok: "回答済", failed: "失敗", skipped: "未実行" },
  roles: { required: "必須", advisory: "助言" },
  domains: { lending: "融資", legal: "法務・コンプライアンス", fx: "為替", markets: "市場" },
  incomplete: "情報不足",
  incompleteNote: "根拠となる情報が不足しています。補完されるまで承認にはなりません。",
  findingsCount: (n) => `指摘 ${n} 件`,
  expertsAnswered: (ok, all) => `専門家 ${all} 名中 ${ok} 名が回答`,
  conditionsCount: (n) => `条件 ${n} 件`,
  reasons: "判定理由",
  asOfLabel: "基準日",
  veto: (v) => `謝絶：${VETO_NAMES_JA[v.ruleId] ?? v.title}による拒否（${v.ruleId}）— ${v.message}`,
  summary: (a) => {
    const counts = [...SEVERITIES]
      .reverse()
      .map((sev) => [sev, a.findings.filter((f) => f.severity === sev).length] as const)
      .filter(([, n]) => n > 0)
      .map(([sev, n]) => `${ja.severities[sev]} ${n} 件`);
    const ok = a.experts.filter((e) => e.status === "ok").length;
    const missing = a.missing.length > 0 ? ` 情報不足：${a.missing.map((m) => m.message).join("；")}。` : "";
    const vetoes = (a.vetoes ?? []).length > 0 ? `拒否権（${[...new Set(a.vetoes.map((v) => v.ruleId))].join("、")}）により謝絶。` : "";
    return `${vetoes}リスク評価「${ja.severities[a.rating]}」、判定「${ja.decisions[a.decision]}」。指摘 ${a.findings.length} 件${counts.length > 0 ? `（${counts.join("、")}）` : ""}、専門家 ${a.experts.length} 名中 ${ok} 名が回答。${missing}`;
  },
  executiveSummary: "エグゼクティブサマリー",
  executiveSummaryNote: (model, host) => `${host} の ${model} が作成。リスク評価と判定はモデルではなくポリシーによるものです。`,
  heatMap: "リスク・ヒートマップ",
  heatMapCaption: "領域別・重要度別の指摘件数。各領域の評価はその最も重要な指摘によります。",
  domainColumn: "領域",
  overall: "総合",
  conditions: "承認条件",
  conditionsNone: "条件はありません（重要度「中」以上の指摘がありません）。",
  findings: "領域別の指摘事項",
  findingsNone: "指摘はありません。",
  noDomainFindings: "指摘なし：ポリシーの規則はすべて満たされています。",
  severityColumn: "重要度",
  ruleColumn: "規則",
  findingColumn: "指摘",
  condition: "条件",
  fields: "項目",
  sources: "根拠",
  fromModel: "モデルによる追加",
  missing: "不足している情報",
  missingNote: "以下が補完されるまで、審査は未完了です。",
  plan: "審査の分担",
  planCaption: (planner, tasks) =>
    `サブタスク ${tasks} 件（${planner} プランナー）。矢印は先に実行されるサブタスクから、その結果を使うサブタスクへ向かいます。`,
  merge: "統合",
  taskColumn: "サブタスク",
  afterColumn: "前提",
  subQuestionColumn: "サブ質問",
  planWarnings: "計画の警告",
  awaitsAnswer: "回答まで待つ",
  speculative: "計画前に開始",
  experts: "専門家",
  expertColumn: "専門家",
  statusColumn: "状態",
  roleColumn: "役割",
  modelColumn: "モデル",
  latencyColumn: "所要時間",
  findingsColumn: "指摘",
  notesColumn: "備考",
  rulesOnly: "規則のみ",
  models: "モデル",
  outcomeColumn: "結果",
  modeColumn: "モード",
  callsColumn: "呼出",
  reasoningOn: "推論あり",
  reasoningOff: "推論なし",
  accepted: (added) => `採用（指摘 ${added} 件追加）`,
  fallback: "規則の結果を採用",
  metrics: "主要指標",
  knowledge: "参照した文書",
  knowledgeNone: "該当する文書はありません。",
  footer: (policy) =>
    `リスク評価と判定は、${policy} のもとで各専門家の指摘を決定論的に統合したものです。評価は最も重要な領域の評価、判定はポリシーの表によります。情報不足の審査が承認になることはありません。モデルを使う場合も、モデルは指摘を追加するだけで評価は決めません。`,
  policyFingerprint: (id, sha256) => `ポリシー ${id}、SHA-256 ${sha256}`,
};

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * The labels of a report: Japanese when asked for, or (`auto`) when the
 * question is written in Japanese, as a 与信稟議 is; English otherwise.
 *
 * @example
 * reportLabels("auto", "この与信稟議を承認してよいか。").decisions.decline // "謝絶"
 */
export function reportLabels(language: ReportLanguage | "auto", question: string | undefined): ReportLabels {
  if (language === "ja") return ja;
  if (language === "en") return en;
  return JAPANESE.test(question ?? "") ? ja : en;
}
