import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenSha256 } from "@kyocho/server";
import { cliEnv } from "../helpers/cli-env.js";
import { REPO_ROOT } from "../helpers/run-cli.js";
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from "../helpers/chromium.js";

/**
 * The analyst page as a person uses it: the built `kyocho serve` on a free port with a temp SQLite store and a
 * tokens file, Debian's Chromium headless. An analyst sends the full-council example (all four experts are consulted) and watches
 * the four expert cards go from running to done; approvers open it and sign with the authority it needs; the analyst is offered no sign-off and a
 * forged one is refused.
 */
const available = chromiumAvailable();

const BIN = fileURLToPath(new URL("../../packages/cli/bin/kyocho.js", import.meta.url));
const CASE_FILE = join(REPO_ROOT, "examples", "cases", "full-council.yaml");
const TOKENS = { analyst: "page-analyst-token-1", approver1: "page-approver-token-2", approver2: "page-approver-token-3" };

let dir: string;
let server: ChildProcess;
let baseUrl: string;
let browser: Browser;
let stderr = "";
/** Every URL the pages asked for: the token must be in none of them. */
const requested: string[] = [];

function startServe(env: NodeJS.ProcessEnv): Promise<string> {
  server = spawn(process.execPath, [BIN, "serve", "--port", "0"], { cwd: dir, env: cliEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  server.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = "";
    server.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const line = /^(http:\/\/\S+)\n/.exec(out);
      if (line) resolve(line[1]!);
    });
    server.once("exit", (code) => reject(new Error(`kyocho serve exited ${code}: ${stderr}`)));
  });
}

async function openPage(locale = "en-US"): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.on("request", (r) => requested.push(r.url()));
  await page.goto(baseUrl);
  await page.locator("body[data-ready]").waitFor();
  return page;
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.fill("#token", token);
  await page.click("#sign-in-form button[type=submit]");
  await page.locator("body[data-signed-in]").waitFor();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kyocho-analyst-page-"));
  const entries = [
    { subject: "ito", roles: ["analyst"], sha256: tokenSha256(TOKENS.analyst) },
    { subject: "sato", roles: ["approver:credit_department", "approver:credit_committee"], sha256: tokenSha256(TOKENS.approver1) },
    { subject: "suzuki", roles: ["approver:credit_committee"], sha256: tokenSha256(TOKENS.approver2) },
  ];
  writeFileSync(join(dir, "tokens.yaml"), stringify({ tokens: entries }));
  baseUrl = await startServe({ KYOCHO_STORE: join(dir, "kyocho.db"), KYOCHO_TOKENS_FILE: join(dir, "tokens.yaml") });
  if (!available) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

interface Transition {
  task: string;
  state: string;
}

describe.skipIf(!available)("the analyst page in headless Chromium against kyocho serve", () => {
  let id = "";

  it("an analyst sends the full-council example: each of the four experts's card goes running → done in event order, the decision shows, no sign-off is offered", async () => {
    const page = await openPage();
    await signIn(page, TOKENS.analyst);
    expect(await page.evaluate('sessionStorage.getItem("kyocho.token")')).toBe(TOKENS.analyst);
    // Every card's data-state as it changes, recorded by the browser itself: each mutation's old value (events
    // arriving in one chunk change a card several times before an observer runs), the card's last state added below.
    // (Browser-side scripts are strings: the tests are typed without the DOM library.)
    await page.evaluate(`
      window.transitions = [];
      new MutationObserver((mutations) => {
        for (const m of mutations) window.transitions.push({ task: m.target.dataset.task, state: m.oldValue });
      }).observe(document.getElementById("cards"), { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ["data-state"] });
    `);
    await page.setInputFiles("#case-file", CASE_FILE);
    await expect.poll(() => page.textContent("#case-name")).toContain("full-hayate-redwood");
    await page.click("#assess");
    await page.locator("body[data-status]").waitFor({ timeout: 20_000 });
    id = (await page.getAttribute("body", "data-assessment"))!;

    const events = await page.$$eval("#event-log li", (items) => items.map((li) => ({ type: li.dataset.event!, expert: li.dataset.expert })));
    const types = events.map((e) => e.type);
    expect(types.at(-1)).toBe("end");
    expect(types.at(-2)).toBe("awaiting_signoff");
    expect(types.indexOf("merged")).toBeGreaterThan(types.lastIndexOf("expert_finished"));
    const transitions = await page.evaluate<Transition[]>("window.transitions");
    const cards = await page.$$eval(".card", (els) => els.map((el) => ({ task: el.dataset.task!, expert: el.dataset.expert!, state: el.dataset.state! })));
    const planned = events.filter((e) => e.type === "expert_started").map((e) => e.expert);
    expect(cards.map((c) => c.expert).sort()).toEqual([...new Set(planned)].sort());
    expect(cards.map((c) => c.expert).sort()).toEqual(["fx", "legal", "lending", "markets"]);
    for (const card of cards) {
      expect(card.state, card.expert).toBe("done");
      const states = [...transitions.filter((t) => t.task === card.task).map((t) => t.state), card.state];
      const running = states.indexOf("running");
      expect(running, `${card.expert}: ${states.join(" → ")}`).toBeGreaterThanOrEqual(0);
      expect(states.indexOf("done"), `${card.expert}: ${states.join(" → ")}`).toBeGreaterThan(running);
      // Each expert's events in the log: started before finished.
      const started = events.findIndex((e) => e.type === "expert_started" && e.expert === card.expert);
      const finished = events.findIndex((e) => e.type === "expert_finished" && e.expert === card.expert);
      expect(finished, card.expert).toBeGreaterThan(started);
      // Its findings are listed once the assessment is in.
      expect(await page.locator(`.card[data-task="${card.task}"] .findings li`).count(), card.expert).toBeGreaterThan(0);
    }

    const record = (await (await page.request.get(`${baseUrl}/v1/assessments/${id}`, { headers: { authorization: `Bearer ${TOKENS.analyst}` } })).json()) as {
      status: string;
      assessment: { decision: string };
    };
    expect(await page.getAttribute("#decision", "data-value")).toBe(record.assessment.decision);
    expect(await page.textContent("#decision")).toBe("Escalate");
    expect(await page.getAttribute("#status", "data-value")).toBe("awaiting_signoff");
    // The report is in the sandboxed frame, styled, its scripts not allowed to run.
    expect(await page.getAttribute("#report", "sandbox")).toBe("allow-same-origin");
    await expect.poll(() => page.frameLocator("#report").locator("body").innerText()).toContain("Escalate");

    // An analyst is offered no sign-off, and a forged one is refused.
    expect(await page.locator("#signoff-form").isVisible()).toBe(false);
    const forged = await page.request.post(`${baseUrl}/v1/assessments/${id}/signoff`, {
      headers: { authorization: `Bearer ${TOKENS.analyst}`, "content-type": "application/json" },
      data: { role: "credit_committee", decision: "approve" },
    });
    expect(forged.status()).toBe(403);
    await page.context().close();
  });

  it("approvers open the assessment and sign with the authority it requires until it is signed", async () => {
    expect(id).not.toBe("");
    const record = (await (await fetch(`${baseUrl}/v1/assessments/${id}`, { headers: { authorization: `Bearer ${TOKENS.approver1}` } })).json()) as {
      assessment: { signoff: { required: { role: string; signatures: number } } };
    };
    const { role, signatures } = record.assessment.signoff.required;
    const approvers = [TOKENS.approver1, TOKENS.approver2].slice(0, signatures);
    expect(approvers).toHaveLength(signatures);
    for (const [i, token] of approvers.entries()) {
      const page = await openPage();
      await signIn(page, token);
      await page.click(`#history-list li[data-id="${id}"] button`);
      await page.locator("#signoff-form").waitFor({ state: "visible", timeout: 20_000 });
      expect(await page.$$eval("#signoff-role option", (options) => options.map((o) => o.getAttribute("value")))).toContain(role);
      await page.selectOption("#signoff-role", role);
      if (i === 0) {
        // Approving what the council escalated, without a reason: the sign-off rules refuse, the page shows why.
        await page.selectOption("#signoff-decision", "approve");
        const [refusal] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/signoff")), page.click("#sign")]);
        expect(refusal.status()).toBe(409);
        const { detail } = (await refusal.json()) as { detail: string };
        await expect.poll(() => page.textContent("#signoff-problem")).toBe(detail);
        expect(await page.locator("#signoff-problem").isVisible()).toBe(true);
      }
      await page.selectOption("#signoff-decision", "approve_with_conditions");
      await page.fill("#signoff-conditions", "Hedge at least 50% of the USD exposure\n\nQuarterly covenant report");
      await page.fill("#signoff-reason", "FX stress is covered by the hedge condition");
      await page.click("#sign");
      await expect.poll(() => page.locator("#signatures li").count()).toBe(i + 1);
      const last = i === approvers.length - 1;
      expect(await page.getAttribute("#status", "data-value")).toBe(last ? "approved_with_conditions" : "awaiting_signoff");
      expect(await page.locator("#signoff-form").isVisible()).toBe(false);
      await page.context().close();
    }
    const signed = (await (await fetch(`${baseUrl}/v1/assessments/${id}`, { headers: { authorization: `Bearer ${TOKENS.analyst}` } })).json()) as {
      status: string;
      signoffs: { name?: string; signer?: string }[];
      assessment: { signoff: { conditions: string[] } };
    };
    expect(signed.status).toBe("approved_with_conditions");
    expect(signed.assessment.signoff.conditions).toContain("Quarterly covenant report");
  });

  it("speaks Japanese when the browser asks for it, and the token never appears in a URL", async () => {
    const page = await openPage("ja-JP");
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    expect(await page.textContent("#sign-in-title")).toBe("サインイン");
    await page.selectOption("#language", "en");
    expect(await page.textContent("#sign-in-title")).toBe("Sign in");
    await page.context().close();
    expect(requested.length).toBeGreaterThan(10);
    for (const token of Object.values(TOKENS)) expect(requested.filter((url) => url.includes(token))).toEqual([]);
  });
});
