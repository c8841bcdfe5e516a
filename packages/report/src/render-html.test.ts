import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AssessmentSchema, loadCaseFile, type Assessment } from "@kyocho/core";
import { createReferenceCouncil } from "@kyocho/reference-council";
import { escapeHtml } from "./html-escape.js";
import { renderHtml } from "./render-html.js";
import { renderMarkdown } from "./render-markdown.js";
import { expectInOrder } from "../../../test/helpers/in-order.js";

const council = createReferenceCouncil();
const caseFile = (name: string) => fileURLToPath(new URL(`../../../examples/cases/${name}.yaml`, import.meta.url));
const assessCase = async (name: string) => {
  const c = loadCaseFile(caseFile(name));
  return council.assess({ question: c.question, case: c });
};
const at = new Date("2026-11-29T12:00:00Z");

/** A deal whose every free-text field tries to inject markup. */
const HOSTILE = '"><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
async function hostileAssessment(): Promise<Assessment> {
  const c = council.parseCase({
    schemaVersion: 2,
    id: `deal-${HOSTILE}`,
    question: `Can we lend to ${HOSTILE}?`,
    bank: { tier1Capital: 1e13 },
    borrower: {
      name: `Evil ${HOSTILE}`,
      country: "JP",
      financials: { currency: "JPY", revenue: 1e10, ebitda: 1e9, totalDebt: 9e9, interestExpense: 1e8, annualDebtService: 1e9 },
    },
    facility: { type: "term_loan", amount: 1e9, currency: "JPY", tenorYears: 3, rate: 0.02, amortization: "linear" },
    counterparties: [{ name: `Evil ${HOSTILE}`, country: "JP", role: "borrower", kyc: "pending" }],
    contract: { governingLaw: `XX${HOSTILE}`, clauses: ["sanctions"] },
  });
  const a = await council.assess({ question: c.question, case: c });
  // A hand-edited assessment may carry markup anywhere: a model's narrative, a note, a citation.
  return AssessmentSchema.parse({
    ...a,
    experts: a.experts.map((e) => ({
      ...e,
      notes: [...e.notes, `note ${HOSTILE}`],
      citations: [...e.citations, { document: `doc${HOSTILE}`, section: HOSTILE, excerpt: HOSTILE }],
    })),
    executiveSummary: { text: `summary ${HOSTILE}`, model: `m${HOSTILE}`, host: "10.0.0.1:8000", reasoning: false },
  });
}

describe("renderHtml", () => {
  it("is one self-contained page: no script, no external reference, a policy that forbids fetching anything", async () => {
    const html = renderHtml(await assessCase("acquisition-finance"), { generatedAt: at });
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|url\((?!#)/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    // The only URL is the SVG namespace, which is a name, not a fetch.
    expect(html.match(/https?:\/\/[^\s"'<>]+/g)?.filter((u) => u !== "http://www.w3.org/2000/svg") ?? []).toEqual([]);
  });

  it("puts the decision and the rating first, then the heat map, conditions, findings, plan, experts, metrics and knowledge", async () => {
    const html = renderHtml(await assessCase("acquisition-finance"), { generatedAt: at });
    const order = ['id="verdict"', 'id="heat-map"', 'id="conditions"', 'id="findings"', 'id="plan"', 'id="experts"', 'id="metrics"', 'id="knowledge"'].map(
      (s) => html.indexOf(s),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(html).toContain('<div class="decision" id="decision" data-decision="escalate">Escalate</div>');
    expect(html).toContain('data-rating="high"');
    // Heat map: fx two highs (FX-HEDGE, FX-STRESS), lending one high (LEN-FXDSCR), legal two mediums (the
    // target's KYC pending, the change-of-control clause) — acquisition-finance.expected.json.
    expect([...html.matchAll(/class="heat-cell" data-severity="(\w+)" data-count="(\d+)"/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual([
      "high:2",
      "high:1",
      "medium:2",
    ]);
    // Plan: fx → lending, and the two last sub-tasks lead to the merge.
    expect(html.match(/class="plan-edge"/g)).toHaveLength(3);
    expect(html).toContain("Hedge at least 50% of each material net currency position before drawdown.");
    expect(html).toContain("fx/fx-policy.md</span> § Hedge ratio (FX-HEDGE)");
    // The swap on the loan buys USD, widening the borrower's long USD position: hedge ratio clamp(−7.2 / 18.16, 0, 1) = 0.
    expect(html).toContain("<dt>hedgeRatio.USD</dt><dd>0%</dd>");
  });

  it("escapes every case-derived string: nothing injected survives as markup", async () => {
    const a = await hostileAssessment();
    const html = renderHtml(a, { generatedAt: at });
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    expect(html).toContain("Evil &quot;&gt;&lt;script&gt;");
    // Attribute values stay closed: no raw quote from the case inside a tag.
    for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) expect(tag).not.toContain("__pwned");
  });

  it("writes a Japanese question's report in Japanese, with its Japanese text", async () => {
    const html = renderHtml(await assessCase("ringi-ja"), { generatedAt: at });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("株式会社さくら不動産向け120億円・期間12年のタームローンについて、この与信稟議を承認してよいか。");
    expect(html).toContain('data-decision="escalate">上申</div>');
    // LEN-LEV and LEN-LTV high; LEN-ICR, LEN-TENOR and LEG-CLAUSE-COC medium (ringi-ja.expected.json).
    expect(html).toContain("リスク評価「高」、判定「上申」。指摘 5 件（高 2 件、中 3 件）、専門家 2 名中 2 名が回答。");
    expect(html).toMatch(/"Noto Sans CJK JP".*"Hiragino Sans".*"Yu Gothic"/);
    expect(renderHtml(await assessCase("ringi-ja"), { generatedAt: at, language: "en" })).toContain('data-decision="escalate">Escalate</div>');
  });

  it("shows a finding's Japanese message and condition in a Japanese question's report, not the English ones", async () => {
    const a = await assessCase("ringi-ja");
    const ltv = a.findings.find((f) => f.ruleId === "LEN-LTV")!;
    // Built from the same numbers as the English message: 12.0bn / (13.5bn × (1 − 30%)) = 127.0%.
    expect(ltv.ja?.message).toContain("掛目考慮後の LTV は 127.0%");
    expect(ltv.ja?.condition).toBe("追加担保の徴求または返済額の引上げにより、掛目考慮後のLTVを80%以下とする。");
    const html = renderHtml(a, { generatedAt: at });
    expect(html).toContain(escapeHtml(ltv.ja!.message));
    expect(html).toContain(escapeHtml(ltv.ja!.condition));
    expect(html).toContain(escapeHtml(ltv.ja!.title));
    expect(html).not.toContain(escapeHtml(ltv.message));
    expect(html).not.toContain(escapeHtml(ltv.condition));
    // Every finding and every condition of the deal reads in Japanese.
    for (const f of a.findings) {
      expect(f.ja, f.ruleId).toBeDefined();
      expect(html).toContain(escapeHtml(f.ja!.message));
      expect(html).not.toContain(escapeHtml(f.message));
    }
    for (const c of a.conditions) expect(html).not.toContain(escapeHtml(c));
    // Asked for in English, the same assessment shows the English forms.
    const en = renderHtml(a, { generatedAt: at, language: "en" });
    expect(en).toContain(escapeHtml(ltv.message));
    expect(en).not.toContain(escapeHtml(ltv.ja!.message));
  });

  it("shows what was missing when the assessment is incomplete", async () => {
    const html = renderHtml(await assessCase("data-gap-usd-no-fx"), { generatedAt: at });
    expect(html).toContain('<b id="as-of">2026-11-30</b>');
    expect(html).toContain('id="incomplete"');
    expect(html).toMatch(/<section class="callout" id="missing"><h2>Missing evidence<\/h2>/);
    expectInOrder(html, ['id="missing"', 'id="heat-map"']);
  });

  it("opens the verdict with the veto, before the decision", async () => {
    const html = renderHtml(await assessCase("sanctions-borrower-only"), { generatedAt: at });
    expect(html).toMatch(/<p class="veto" data-rule="LEG-SANC">Declined: sanctions veto — [^<]*\(borrower, KP\)/);
    // Both present (a missing veto section's -1 would pass the order check alone), veto first.
    expect(html.indexOf('id="vetoes"')).toBeGreaterThanOrEqual(0);
    expectInOrder(html, ['id="vetoes"', 'id="decision"']);
    const md = renderMarkdown(await assessCase("sanctions-borrower-only"), { generatedAt: at });
    expect(md.split("\n")[2]).toMatch(/^\*\*Declined: sanctions veto — .*\(borrower, KP\)/);
  });

  it("has no veto block when nothing was vetoed", async () => {
    expect(renderHtml(await assessCase("acquisition-finance"), { generatedAt: at })).not.toContain('class="veto"');
  });
});

describe("the policy in the footer", () => {
  it("names the policy applied by its SHA-256, in English and Japanese, in HTML and Markdown", async () => {
    const a = await assessCase("acquisition-finance");
    expect(a.policy.sha256).toMatch(/^[0-9a-f]{64}$/);
    const footer = (html: string) => html.slice(html.indexOf("<footer>"));
    expect(footer(renderHtml(a, { generatedAt: at }))).toContain(`Policy reference-v2, SHA-256 ${a.policy.sha256}`);
    expect(footer(renderHtml(a, { generatedAt: at, language: "ja" }))).toContain(`ポリシー reference-v2、SHA-256 ${a.policy.sha256}`);
    const md = renderMarkdown(a, { generatedAt: at });
    expect(md.slice(md.lastIndexOf("---"))).toContain(`Policy reference-v2, SHA-256 ${a.policy.sha256}`);
  });
});

describe("renderMarkdown", () => {
  it("has the decision, the heat map as a table, the conditions and the findings", async () => {
    const md = renderMarkdown(await assessCase("acquisition-finance"), { generatedAt: at });
    expect(md.split("\n")[0]).toBe("# Risk assessment: Escalate (Rating High)");
    expect(md).toContain("| Domain | Info | Low | Medium | High | Critical | Rating |");
    expect(md).toContain("| Legal & compliance | · | · | **2** | · | · | **Medium** |");
    expect(md).toContain("1. Hedge at least 50% of each material net currency position before drawdown.");
    expect(md).toContain("- **Lending** (`lending`, required) ← fx:");
  });

  it("escapes case-derived strings", async () => {
    const md = renderMarkdown(await hostileAssessment(), { generatedAt: at });
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).toContain("&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;");
  });
});

describe("the plan in reports", () => {
  it("says which dependencies wait for an answer and which tasks started before the plan, in English and Japanese", async () => {
    const a = await assessCase("full-council");
    const tasks = a.plan.tasks.map((t) => (t.expert === "lending" ? { ...t, awaitsAnswer: ["fx"], speculative: true as const } : t));
    const edited = AssessmentSchema.parse({ ...a, plan: { ...a.plan, tasks } });

    const md = renderMarkdown(edited, { generatedAt: at });
    expect(md).toMatch(/\(`lending`.*← fx \(its answer\) _\(started before the plan\)_/);
    expect(renderMarkdown(a, { generatedAt: at })).not.toContain("its answer");
    const ja = renderMarkdown(edited, { generatedAt: at, language: "ja" });
    expect(ja).toContain("fx (回答まで待つ)");
    expect(renderHtml(edited, { generatedAt: at })).toContain('fx (its answer)<div class="small">started before the plan</div>');
  });
});
