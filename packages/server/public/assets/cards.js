/* global document */
import { expertName, language, t, term } from "./i18n.js";

/**
 * One card per expert task. A card's `data-state` follows the events: `planned` → `running` → (`facts`) →
 * `done` | `failed` | `skipped`; once the assessment is in, the card lists that expert's findings.
 */
export function createCards(list) {
  const cards = new Map();

  function card(taskId, expert) {
    let el = cards.get(taskId);
    if (el) return el;
    el = document.createElement("li");
    el.className = "card";
    el.dataset.task = taskId;
    el.dataset.expert = expert ?? taskId;
    el.dataset.state = "planned";
    el.tabIndex = 0;
    const title = document.createElement("h3");
    title.className = "expert-name";
    const state = document.createElement("p");
    state.className = "state";
    const body = document.createElement("div");
    body.className = "card-body";
    el.append(title, state, body);
    list.append(el);
    cards.set(taskId, el);
    render(el);
    return el;
  }

  function render(el) {
    el.querySelector(".expert-name").textContent = expertName(el.dataset.expert);
    el.querySelector(".state").textContent = t(`s_${el.dataset.state}`);
    const count = el.dataset.findings;
    if (count !== undefined && !el.dataset.detailed) el.querySelector(".card-body").textContent = t("findingsCount", { count });
    el.setAttribute("aria-label", `${expertName(el.dataset.expert)}: ${t(`s_${el.dataset.state}`)}`);
  }

  function setState(taskId, expert, state, findings) {
    const el = card(taskId, expert);
    el.dataset.state = state;
    if (findings !== undefined) el.dataset.findings = String(findings);
    render(el);
  }

  return {
    /** Applies one council event (planned, expert_started, expert_facts, expert_finished). */
    apply(type, data) {
      if (type === "planned") for (const task of data?.plan?.tasks ?? []) card(task.id, task.expert);
      else if (type === "expert_started") setState(data.taskId, data.expert, "running");
      else if (type === "expert_facts") setState(data.taskId, data.expert, "facts", data.findings);
      else if (type === "expert_finished") {
        // ExpertStatus: ok | failed | skipped.
        setState(data.taskId, data.expert, data.status === "ok" ? "done" : data.status, data.findings);
      }
    },
    /** Fills each card with its expert's findings from the finished assessment. */
    showFindings(assessment) {
      for (const el of cards.values()) {
        const findings = (assessment.findings ?? []).filter((f) => f.expert === el.dataset.expert);
        const body = el.querySelector(".card-body");
        body.replaceChildren();
        el.dataset.detailed = "true";
        if (findings.length === 0) {
          body.textContent = t("noFindings");
          continue;
        }
        const ul = document.createElement("ul");
        ul.className = "findings";
        for (const f of findings) {
          const li = document.createElement("li");
          li.dataset.severity = f.severity;
          const sev = document.createElement("span");
          sev.className = "severity";
          sev.textContent = term("r", f.severity);
          const rule = document.createElement("code");
          rule.textContent = f.ruleId;
          const title = document.createElement("span");
          title.textContent = language() === "ja" && f.ja ? f.ja.title : f.title;
          li.append(sev, " ", rule, " ", title);
          ul.append(li);
        }
        body.append(ul);
      }
    },
    /** Re-renders the words after a language switch. */
    relabel(assessment) {
      for (const el of cards.values()) render(el);
      if (assessment) this.showFindings(assessment);
    },
    clear() {
      cards.clear();
      list.replaceChildren();
    },
  };
}
