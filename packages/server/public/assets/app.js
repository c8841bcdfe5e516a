/* global document */
import { ApiProblem, createApi } from "./api-client.js";
import { createCards } from "./cards.js";
import { readCaseFile } from "./case-file.js";
import { followEvents } from "./events-reader.js";
import { expertName, initialLanguage, language, setLanguage, t, term } from "./i18n.js";
import { showReport } from "./report-view.js";
import { fillRoles, signableRoles, signatureText, signoffBody } from "./signoff-form.js";

/**
 * The analyst page: sign in with a token, send a case and a question, follow each expert's card as the events
 * arrive, read the decision and the report, and (with an approver's token) sign off.
 */

const TOKEN_KEY = "kyocho.token";
const $ = (id) => document.getElementById(id);

const state = {
  api: undefined,
  me: undefined,
  caseValue: undefined,
  id: undefined,
  record: undefined,
  eligibleRoles: undefined,
  abort: undefined,
  /** The events seen and the run's status line, kept so a language switch can say them again. */
  events: [],
  status: undefined,
};
const cards = createCards($("cards"));

/** The run's status line (aria-live): `t(key, params)`, remembered for a language switch. */
function setStatus(key, params = {}) {
  state.status = { key, params };
  // A `status` parameter is a status code, said in the current language.
  $("run-status").textContent = t(key, params.status ? { ...params, status: term("st", params.status) } : params);
}

function show(id, visible) {
  $(id).hidden = !visible;
}

/** Shows a refusal: the service's problem `detail` (and each `errors[]` path), or the error's message. */
function problemText(error) {
  if (error instanceof ApiProblem) {
    const lines = [error.problem.detail || error.problem.title || `HTTP ${error.status}`];
    for (const e of error.problem.errors ?? []) lines.push(`${e.path}: ${e.message}`);
    return lines.join("\n");
  }
  return error instanceof Error ? error.message : String(error);
}

function showError(error, where = "error") {
  const el = $(where);
  el.textContent = error ? problemText(error) : "";
  el.hidden = !error;
}

// ---- sign in ---------------------------------------------------------------------------------------------------

async function signIn(token) {
  const api = createApi(token);
  const me = await api.me();
  sessionStorage.setItem(TOKEN_KEY, token);
  state.api = api;
  state.me = me;
  document.body.dataset.signedIn = "true";
  renderWho();
  show("sign-in", false);
  // Approvers read and sign; only an analyst (or admin) may send a case.
  show(
    "ask",
    me.roles.some((role) => role === "analyst" || role === "admin"),
  );
  show("history", true);
  void loadHistory();
  show("sign-out", true);
  show("who", true);
}

function renderWho() {
  if (state.me) $("who").textContent = t("signedInAs", { subject: state.me.subject, roles: state.me.roles.join(", ") });
}

function signOut() {
  state.abort?.abort();
  sessionStorage.removeItem(TOKEN_KEY);
  Object.assign(state, { api: undefined, me: undefined, id: undefined, record: undefined, caseValue: undefined });
  delete document.body.dataset.signedIn;
  for (const id of ["ask", "history", "progress", "result", "sign-out", "who"]) show(id, false);
  show("sign-in", true);
  $("token").value = "";
  $("token").focus();
}

$("sign-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  showError(undefined);
  signIn($("token").value.trim())
    .then(() => {
      $("token").value = "";
      $("case-file").focus();
    })
    .catch((error) => showError(error));
});
$("sign-out").addEventListener("click", signOut);

// ---- the case file -----------------------------------------------------------------------------------------------

async function takeFile(file) {
  showError(undefined);
  state.caseValue = undefined;
  $("case-name").textContent = "";
  if (!file) return;
  try {
    state.caseValue = await readCaseFile(file);
    $("case-name").textContent = t("caseLoaded", { id: state.caseValue.id ?? "?", file: file.name });
    const question = state.caseValue.question;
    if (typeof question === "string" && !$("question").value) $("question").placeholder = question;
  } catch (error) {
    showError(new Error(t("badCase", { detail: error instanceof Error ? error.message : String(error) })));
  }
}

$("case-file").addEventListener("change", () => void takeFile($("case-file").files?.[0]));
const drop = $("drop");
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  const files = event.dataTransfer?.files;
  if (!files?.length) return;
  $("case-file").files = files;
  void takeFile(files[0]);
});

// ---- an assessment's run -----------------------------------------------------------------------------------------

function logEvent(event) {
  state.events.push(event);
  $("event-log").append(eventItem(event));
}

function eventItem(event) {
  const li = document.createElement("li");
  li.dataset.event = event.type;
  if (event.id !== undefined) li.dataset.id = event.id;
  const d = event.data ?? {};
  if (d.expert) li.dataset.expert = d.expert;
  li.textContent = t(`e_${event.type}`, {
    expert: d.expert ? expertName(d.expert) : undefined,
    findings: d.findings,
    experts: (d.plan?.tasks ?? []).map((task) => expertName(task.expert)).join(", "),
    decision: term("d", d.decision),
    rating: term("r", d.rating),
    written: d.written ? d.model : d.reason,
    roles: (d.required ?? []).join(", "),
    status: term("st", d.status),
    signatures: d.signatures,
    required: d.required,
    detail: d.detail,
  });
  return li;
}

/** Lists the assessments the token may read, each a button that opens it (its events replayed, then its result). */
async function loadHistory() {
  try {
    const { items } = await state.api.list({ limit: "20" });
    const list = $("history-list");
    if (items.length === 0) {
      const li = document.createElement("li");
      li.textContent = t("noAssessments");
      return void list.replaceChildren(li);
    }
    list.replaceChildren(
      ...items.map((item) => {
        const li = document.createElement("li");
        li.dataset.id = item.id;
        li.dataset.status = item.status;
        const button = document.createElement("button");
        button.type = "button";
        button.className = "link";
        button.textContent = t("open", { id: item.id.slice(0, 12) });
        button.addEventListener("click", () => void followRun(item.id));
        const text = document.createElement("span");
        text.textContent = ` ${term("st", item.status)} — ${item.question ?? ""}`;
        li.append(button, text);
        return li;
      }),
    );
  } catch (error) {
    showError(error);
  }
}

$("history-refresh").addEventListener("click", () => void loadHistory());

async function runAssessment() {
  $("assess").disabled = true;
  setStatus("runSubmitting");
  try {
    const answer = await state.api.assess(state.caseValue, $("question").value.trim() || undefined);
    await followRun(answer.id);
  } catch (error) {
    showError(error);
  } finally {
    $("assess").disabled = false;
  }
}

/** Follows one assessment's events into the cards and the log, then shows its result. */
async function followRun(id) {
  state.abort?.abort();
  const abort = new AbortController();
  state.abort = abort;
  Object.assign(state, { id: undefined, record: undefined, eligibleRoles: undefined });
  cards.clear();
  state.events = [];
  $("event-log").replaceChildren();
  show("result", false);
  show("progress", true);
  try {
    state.id = id;
    document.body.dataset.assessment = id;
    setStatus("runRunning", { id });
    await followEvents(state.api, id, {
      signal: abort.signal,
      onReconnect: () => setStatus("runReconnecting"),
      onEvent: (event) => {
        logEvent(event);
        cards.apply(event.type, event.data);
        // The status line is the page's live region: it says each expert's finish, not every event.
        if (event.type === "expert_finished") setStatus("e_expert_finished", { expert: expertName(event.data.expert), findings: event.data.findings });
        if (event.type === "awaiting_signoff") state.eligibleRoles = event.data?.required;
        if (event.type === "failed") showError(new ApiProblem(event.data?.status ?? 500, event.data));
      },
    });
    await refresh();
    if (state.record.status === "failed") setStatus("runFailed", { id: state.id });
    else setStatus("runFinished", { id: state.id, status: state.record.status });
    $("result-title").focus();
    void loadHistory();
  } catch (error) {
    if (!abort.signal.aborted) showError(error);
  }
}

$("ask-form").addEventListener("submit", (event) => {
  event.preventDefault();
  showError(undefined);
  if (!state.caseValue) return void $("case-file").focus();
  void runAssessment();
});

// ---- the result: decision, signatures, report, sign-off -----------------------------------------------------------

async function refresh() {
  state.record = await state.api.record(state.id);
  renderResult();
  if (state.record.assessment) await showReport($("report"), await state.api.reportHtml(state.id, language()));
}

function renderResult() {
  const record = state.record;
  if (!record) return;
  const a = record.assessment;
  show("result", Boolean(a));
  if (!a) return;
  cards.showFindings(a);
  $("decision").textContent = term("d", a.decision);
  $("decision").dataset.value = a.decision;
  $("rating").textContent = term("r", a.rating);
  $("rating").dataset.value = a.rating;
  $("status").textContent = term("st", record.status);
  $("status").dataset.value = record.status;
  document.body.dataset.status = record.status;
  const signoff = a.signoff;
  $("required").textContent = signoff
    ? t("requiredText", { role: signoff.required.role, signatures: signoff.required.signatures, have: signoff.signatures.length })
    : "—";
  const eligible = signoff?.required.eligibleRoles ?? state.eligibleRoles;
  const signatures = signoff?.signatures ?? record.signoffs ?? [];
  $("signatures").replaceChildren(
    ...signatures.map((s) => {
      const li = document.createElement("li");
      li.textContent = signatureText(s, t);
      return li;
    }),
  );
  const roles = signableRoles(state.me?.canSignAs ?? [], eligible);
  const alreadySigned = signatures.some((s) => s.name === state.me?.subject);
  const canSign = roles.length > 0 && record.status === "awaiting_signoff" && !alreadySigned;
  if (canSign && $("signoff-role").options.length !== roles.length) fillRoles($("signoff-role"), roles);
  show("signoff-form", canSign);
}

$("signoff-form").addEventListener("submit", (event) => {
  event.preventDefault();
  showError(undefined, "signoff-problem");
  $("sign").disabled = true;
  state.api
    .signoff(state.id, signoffBody($("signoff-form")))
    .then(async () => {
      $("signoff-form").reset();
      await refresh();
      setStatus("signedStatus", { status: state.record.status });
      $("status").focus();
    })
    .catch((error) => showError(error, "signoff-problem"))
    .finally(() => ($("sign").disabled = false));
});

// ---- language ----------------------------------------------------------------------------------------------------

$("language").addEventListener("change", () => {
  setLanguage($("language").value, sessionStorage);
  renderWho();
  cards.relabel(state.record?.assessment);
  $("event-log").replaceChildren(...state.events.map(eventItem));
  if (state.status) setStatus(state.status.key, state.status.params);
  if (state.api) void loadHistory();
  if (state.record) void refresh().catch((error) => showError(error));
});

// ---- start -------------------------------------------------------------------------------------------------------

setLanguage(initialLanguage(sessionStorage, navigator.languages));
$("language").value = language();
$("result-title").tabIndex = -1;
$("status").tabIndex = -1;
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) signIn(saved).catch(() => signOut());
document.body.dataset.ready = "true";
