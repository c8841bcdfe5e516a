#!/usr/bin/env node
// Regenerates docs/screenshots/analyst-page-en.png and analyst-page-ja.png: the built `kyocho serve` on a free port
// (temp store, temp tokens file), Debian's Chromium headless; an analyst sends examples/cases/full-council.yaml,
// then an approver opens it and is offered the sign-off form, in English and then in Japanese.
// Run after `npm run build`: node scripts/analyst-page-screenshots.mjs
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "docs", "screenshots");
const dir = mkdtempSync(join(tmpdir(), "kyocho-page-shots-"));
const sha256 = (token) => createHash("sha256").update(token).digest("hex");
const analyst = "screenshot-analyst-token";
const approver = "screenshot-approver-token";
writeFileSync(
  join(dir, "tokens.json"),
  JSON.stringify({
    tokens: [
      { subject: "ito", roles: ["analyst"], sha256: sha256(analyst) },
      { subject: "sato", roles: ["approver:credit_department", "approver:credit_committee"], sha256: sha256(approver) },
    ],
  }),
);
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NO_COLOR: "1",
  KYOCHO_STORE: join(dir, "kyocho.db"),
  KYOCHO_TOKENS_FILE: join(dir, "tokens.json"),
};
const server = spawn(process.execPath, [join(root, "packages/cli/bin/kyocho.js"), "serve", "--port", "0"], {
  cwd: dir,
  env,
  stdio: ["ignore", "pipe", "inherit"],
});
const baseUrl = await new Promise((resolve, reject) => {
  let text = "";
  server.stdout.setEncoding("utf8").on("data", (d) => {
    text += d;
    const line = /^(http:\/\/\S+)\n/.exec(text);
    if (line) resolve(line[1]);
  });
  server.once("exit", (code) => reject(new Error(`kyocho serve exited ${code}`)));
});

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1700 }, locale: "en-US" });
  const signIn = async (token) => {
    await page.goto(baseUrl);
    await page.fill("#token", token);
    await page.click("#sign-in-form button[type=submit]");
    await page.locator("body[data-signed-in]").waitFor();
  };
  await signIn(analyst);
  await page.setInputFiles("#case-file", join(root, "examples/cases/full-council.yaml"));
  await page.locator("#case-name:not(:empty)").waitFor();
  await page.click("#assess");
  await page.locator("body[data-status]").waitFor();
  const id = await page.getAttribute("body", "data-assessment");
  await page.click("#sign-out");
  await signIn(approver);
  await page.click(`#history-list li[data-id="${id}"] button`);
  await page.locator("#signoff-form").waitFor({ state: "visible" });
  await page.locator("details.event-log-box summary").click();
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, "analyst-page-en.png") });
  await page.selectOption("#language", "ja");
  await page.locator("html[lang=ja]").waitFor();
  await page.waitForTimeout(500); // the report reloads in Japanese
  await page.screenshot({ path: join(out, "analyst-page-ja.png") });
  console.log(`wrote ${join(out, "analyst-page-en.png")} and analyst-page-ja.png`);
} finally {
  await browser.close();
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
