/* global document */
/**
 * The page's words in English and Japanese. Static text carries `data-i18n="key"`; code asks `t(key, params)`.
 * The language is the user's choice (the switch, kept for this tab) or else the first of the browser's
 * languages that the page speaks.
 */

const en = {
  skip: "Skip to content",
  tagline: "credit assessment",
  language: "Language",
  signOut: "Sign out",
  signInTitle: "Sign in",
  token: "Access token",
  tokenHint: "Kept in this tab only (session storage), sent only in the Authorization header.",
  signIn: "Sign in",
  signedInAs: "Signed in as {subject} ({roles})",
  askTitle: "New assessment",
  caseFile: "Case file (YAML or JSON)",
  dropHint: "Choose a file or drop it here.",
  caseLoaded: "Case {id} loaded from {file}.",
  question: "Question (English or Japanese, optional)",
  assess: "Assess",
  progressTitle: "Experts",
  historyTitle: "Assessments",
  refresh: "Refresh",
  open: "Open {id}",
  noAssessments: "No assessments yet.",
  eventLog: "Event log",
  resultTitle: "Decision",
  decision: "Decision",
  rating: "Rating",
  status: "Status",
  required: "Required sign-off",
  requiredText: "{role}: {signatures} signature(s), {have} in",
  signoffTitle: "Sign off",
  role: "Role",
  signoffDecision: "Decision",
  conditions: "Conditions (one per line)",
  reason: "Reason",
  sign: "Sign",
  signedBy: "{name} ({role}): {decision}",
  report: "Report",
  runSubmitting: "Sending the case…",
  runRunning: "Assessment {id} is running.",
  runReconnecting: "Connection lost; resuming the event stream…",
  runFinished: "Assessment {id} finished: {status}.",
  runFailed: "Assessment {id} failed.",
  signedStatus: "Signed: the assessment is now {status}.",
  findingsCount: "{count} finding(s)",
  noFindings: "No findings.",
  latency: "{ms} ms",
  s_planned: "planned",
  s_running: "running",
  s_facts: "facts in, writing",
  s_done: "done",
  s_failed: "failed",
  s_skipped: "skipped",
  e_planned: "plan: {experts}",
  e_expert_started: "{expert} started",
  e_expert_facts: "{expert}: facts in ({findings})",
  e_expert_finished: "{expert} finished ({findings} findings)",
  e_merged: "merged: {decision}, rating {rating}",
  e_summarised: "summary: {written}",
  e_awaiting_signoff: "awaiting sign-off by {roles}",
  e_signed: "signed: {status} ({signatures}/{required})",
  e_failed: "failed: {detail}",
  e_end: "end: {status}",
  badCase: "The case file could not be read: {detail}",
  d_approve: "Approve",
  d_approve_with_conditions: "Approve with conditions",
  d_return: "Return",
  d_decline: "Decline",
  d_escalate: "Escalate",
  x_lending: "Lending",
  x_legal: "Legal",
  x_fx: "FX",
  x_markets: "Markets",
  r_info: "Info",
  r_low: "Low",
  r_medium: "Medium",
  r_high: "High",
  r_critical: "Critical",
  st_running: "running",
  st_awaiting_signoff: "awaiting sign-off",
  st_approved: "approved",
  st_approved_with_conditions: "approved with conditions",
  st_declined: "declined",
  st_returned: "returned",
  st_failed: "failed",
  st_final: "final",
};

/** @type {typeof en} */
const ja = {
  skip: "本文へ移動",
  tagline: "与信審査",
  language: "言語",
  signOut: "サインアウト",
  signInTitle: "サインイン",
  token: "アクセストークン",
  tokenHint: "このタブの中だけに保持し（セッションストレージ）、Authorization ヘッダーでのみ送信します。",
  signIn: "サインイン",
  signedInAs: "{subject}（{roles}）としてサインイン中",
  askTitle: "新しい審査",
  caseFile: "案件ファイル（YAML または JSON）",
  dropHint: "ファイルを選ぶか、ここにドロップしてください。",
  caseLoaded: "{file} から案件 {id} を読み込みました。",
  question: "質問（日本語または英語、任意）",
  assess: "審査する",
  progressTitle: "専門家",
  historyTitle: "審査一覧",
  refresh: "更新",
  open: "{id} を開く",
  noAssessments: "審査はまだありません。",
  eventLog: "イベントログ",
  resultTitle: "判定",
  decision: "判定",
  rating: "格付",
  status: "状態",
  required: "必要な決裁",
  requiredText: "{role}：署名 {signatures} 件（{have} 件済）",
  signoffTitle: "決裁",
  role: "権限",
  signoffDecision: "決裁内容",
  conditions: "条件（1 行に 1 件）",
  reason: "理由",
  sign: "署名する",
  signedBy: "{name}（{role}）：{decision}",
  report: "報告書",
  runSubmitting: "案件を送信しています…",
  runRunning: "審査 {id} を実行中です。",
  runReconnecting: "接続が切れました。イベントの受信を再開しています…",
  runFinished: "審査 {id} が終了しました：{status}。",
  runFailed: "審査 {id} は失敗しました。",
  signedStatus: "署名しました。審査の状態：{status}。",
  findingsCount: "指摘 {count} 件",
  noFindings: "指摘なし。",
  latency: "{ms} ミリ秒",
  s_planned: "予定",
  s_running: "実行中",
  s_facts: "事実確認済・作成中",
  s_done: "完了",
  s_failed: "失敗",
  s_skipped: "省略",
  e_planned: "計画：{experts}",
  e_expert_started: "{expert} 開始",
  e_expert_facts: "{expert}：事実確認済（{findings}）",
  e_expert_finished: "{expert} 完了（指摘 {findings} 件）",
  e_merged: "統合：{decision}、格付 {rating}",
  e_summarised: "要約：{written}",
  e_awaiting_signoff: "決裁待ち：{roles}",
  e_signed: "署名：{status}（{signatures}/{required}）",
  e_failed: "失敗：{detail}",
  e_end: "終了：{status}",
  badCase: "案件ファイルを読めませんでした：{detail}",
  d_approve: "承認",
  d_approve_with_conditions: "条件付承認",
  d_return: "差戻し",
  d_decline: "謝絶",
  d_escalate: "上申",
  x_lending: "融資",
  x_legal: "法務",
  x_fx: "為替",
  x_markets: "市場",
  r_info: "情報",
  r_low: "低",
  r_medium: "中",
  r_high: "高",
  r_critical: "重大",
  st_running: "実行中",
  st_awaiting_signoff: "決裁待ち",
  st_approved: "承認済",
  st_approved_with_conditions: "条件付承認済",
  st_declined: "謝絶",
  st_returned: "差戻し",
  st_failed: "失敗",
  st_final: "確定",
};

export const DICTIONARIES = { en, ja };
const LANGUAGE_KEY = "kyocho.language";

let current = "en";

/** The first of `languages` the page speaks (`ja-JP` → `ja`), else English. */
export function pickLanguage(languages) {
  for (const tag of languages ?? []) {
    const base = String(tag).toLowerCase().split("-")[0];
    if (base in DICTIONARIES) return base;
  }
  return "en";
}

/** The language to start in: the tab's earlier choice, else the browser's preference. */
export function initialLanguage(storage, languages) {
  const chosen = storage.getItem(LANGUAGE_KEY);
  return chosen && chosen in DICTIONARIES ? chosen : pickLanguage(languages);
}

export function language() {
  return current;
}

/** `t("runRunning", { id })`: the current language's text with `{name}` filled in (English if a key is missing). */
export function t(key, params = {}) {
  const text = DICTIONARIES[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}

/** A code word (decision, rating, status) in the current language, or the word itself when it has no entry. */
export function term(prefix, value) {
  const key = `${prefix}_${value}`;
  return key in en ? t(key) : String(value);
}

/** An expert's name in the current language (the reference council's four; any other as named). */
export function expertName(name) {
  return term("x", name);
}

/** Switches the page's language: `<html lang>`, every `data-i18n` element, and the tab's remembered choice. */
export function setLanguage(lang, storage) {
  current = lang in DICTIONARIES ? lang : "en";
  storage?.setItem(LANGUAGE_KEY, current);
  document.documentElement.lang = current;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  document.title = current === "ja" ? "協調 — 与信審査" : "kyocho — credit assessment";
}
