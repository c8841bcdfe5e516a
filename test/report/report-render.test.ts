import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../helpers/run-cli.js";
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from "../helpers/chromium.js";

/**
 * The HTML report as a person sees it: Debian's Chromium, headless, opens
 * the report of example (1) (and of the Japanese 与信稟議, and of a deal whose
 * names are markup), takes a screenshot and checks what is on the screen —
 * and that the page asked the network for nothing but itself.
 */
const available = chromiumAvailable();

const work = mkdtempSync(join(tmpdir(), "kyocho-report-render-"));
const keep = join(REPO_ROOT, "test", "report", "__screenshots__");
let context: BrowserContext;

/** Opens a report, recording every request the page makes. */
async function open(file: string): Promise<{ page: Page; requests: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, requests };
}

/** A full-page screenshot under the OS temp dir, with the latest also kept (git-ignored) in test/report/__screenshots__. */
async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(work, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  mkdirSync(keep, { recursive: true });
  copyFileSync(path, join(keep, `${name}.png`));
  return path;
}

function report(args: string[], name: string): string {
  const html = join(work, `${name}.html`);
  const r = runCli([...args, "--html", html, "--quiet"]);
  expect(r.code, r.stderr).toBe(0);
  return html;
}

describe.skipIf(!available)("the HTML report in headless Chromium", () => {
  beforeAll(async () => {
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "kyocho-chromium-profile-")), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 900 },
      args: CHROMIUM_ARGS,
    });
  }, 30_000);
  afterAll(async () => {
    await context?.close();
  });

  it("example (1): the decision and the heat map are on screen, and the page fetched nothing but itself", async () => {
    const file = report(["ask", "--case", "examples/cases/acquisition-finance.yaml"], "acquisition-finance");
    const { page, requests } = await open(file);
    const shot = await screenshot(page, "acquisition-finance");
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe("PNG");

    await expect.poll(() => page.locator("#decision").isVisible()).toBe(true);
    expect(await page.locator("#decision").innerText()).toBe("Escalate");
    expect(await page.locator("#rating").innerText()).toBe("High");
    const heatMap = page.locator("svg.heat-map");
    expect(await heatMap.isVisible()).toBe(true);
    const box = await heatMap.boundingBox();
    expect(box!.width).toBeGreaterThan(400);
    expect(box!.height).toBeGreaterThan(100);
    // The decision is above the fold, the heat map right below it.
    expect((await page.locator("#decision").boundingBox())!.y).toBeLessThan(900);
    // fx high (FX-HEDGE and FX-STRESS in one cell), lending high (LEN-FXDSCR), legal medium (LEG-KYC and
    // LEG-CLAUSE-COC in one cell): acquisition-finance.expected.json.
    expect(await page.locator("svg.heat-map rect.heat-cell").count()).toBe(3);
    expect(await page.locator("svg.plan-diagram g.plan-node").count()).toBe(3);
    expect(await page.locator("#findings tr.finding").count()).toBe(5);

    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.close();
  });

  it("the Japanese 与信稟議 renders its Japanese text", async () => {
    const file = report(["ask", "--case", "examples/cases/ringi-ja.yaml"], "ringi-ja");
    const { page, requests } = await open(file);
    await screenshot(page, "ringi-ja");
    expect(await page.locator("html").getAttribute("lang")).toBe("ja");
    const question = page.locator("h1.question");
    expect(await question.isVisible()).toBe(true);
    expect(await question.innerText()).toContain("株式会社さくら不動産向け120億円");
    expect(await page.locator("#decision").innerText()).toBe("上申");
    expect(await page.locator("#heat-map h2").innerText()).toBe("リスク・ヒートマップ");
    // Rendered with glyphs, not boxes: a Japanese line is as wide as its characters need (a missing font still
    // takes space, so the screenshot is the real check; this catches text that did not render at all).
    expect((await question.boundingBox())!.width).toBeGreaterThan(300);
    expect(requests).toHaveLength(1);
    await page.close();
  });

  it("a 反社 veto is on screen above the decision, in Japanese", async () => {
    const file = report(["ask", "--case", "examples/cases/anti-social-forces-ja.yaml"], "anti-social-forces-ja");
    const { page } = await open(file);
    await screenshot(page, "anti-social-forces-ja");
    const veto = page.locator("#vetoes .veto");
    expect(await veto.isVisible()).toBe(true);
    expect(await veto.innerText()).toMatch(/^謝絶：反社会的勢力による拒否（LEG-ASF）— /);
    expect((await veto.boundingBox())!.y).toBeLessThan((await page.locator("#decision").boundingBox())!.y);
    expect(await page.locator("#decision").innerText()).toBe("謝絶");
    await page.close();
  });

  it("a deal named with markup shows it as text: nothing runs, nothing is fetched", async () => {
    const hostile = '<script>window.__pwned=1</script><img src="http://127.0.0.1:9/x.png" onerror="window.__pwned=2">';
    const caseFile = join(work, "hostile.json");
    writeFileSync(
      caseFile,
      JSON.stringify({
        schemaVersion: 2,
        id: "hostile",
        question: `Can we lend to ${hostile}?`,
        counterparties: [{ name: `Evil ${hostile}`, country: "JP", role: "borrower", kyc: "pending" }],
        contract: { governingLaw: "JP", clauses: ["sanctions"] },
      }),
    );
    const file = report(["ask", "--case", caseFile], "hostile");
    const { page, requests } = await open(file);
    // The page's global object, as the browser sees it (this file is type-checked without the DOM library).
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("h1.question").innerText()).toBe(`Can we lend to ${hostile}?`);
    expect(await page.locator("script, img").count()).toBe(0);
    expect(requests).toHaveLength(1);
    await page.close();
  });
});
