import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCaseFile, type Assessment } from "@kyocho/core";
import type { Signoff } from "@kyocho/core/assessment";
import { createReferenceCouncil } from "@kyocho/reference-council";
import { renderHtml } from "./render-html.js";
import { renderMarkdown } from "./render-markdown.js";

const council = createReferenceCouncil();
const at = new Date("2026-11-30T12:00:00Z");
const HOSTILE = "<script>window.__pwned=1</script>";

async function escalated(): Promise<Assessment> {
  const c = loadCaseFile(fileURLToPath(new URL("../../../examples/cases/acquisition-finance.yaml", import.meta.url)));
  return council.assess({ question: c.question, case: c, requestedBy: "tanaka" });
}

function signed(a: Assessment, patch: Partial<Signoff>): Assessment {
  return { ...a, signoff: { ...a.signoff!, ...patch } };
}

const committee: Signoff["signatures"] = [
  {
    name: "sato",
    role: "credit_committee",
    decision: "approve_with_conditions",
    conditions: ["Parent guarantee before drawdown"],
    reason: `Hedging programme signed ${HOSTILE}`,
    at: "2026-11-30T10:15:00Z",
    override: true,
  },
  {
    name: "suzuki",
    role: "credit_committee",
    decision: "approve_with_conditions",
    conditions: [],
    reason: "Concur",
    at: "2026-11-30T11:40:00+09:00",
    override: true,
  },
];

describe("the sign-off section of a report", () => {
  it("says what an awaiting assessment needs, right after the verdict", async () => {
    const html = renderHtml(await escalated(), { generatedAt: at });
    expect(html.indexOf('id="verdict"')).toBeLessThan(html.indexOf('id="signoff"'));
    expect(html.indexOf('id="signoff"')).toBeLessThan(html.indexOf('id="heat-map"'));
    expect(html).toContain('<section id="signoff" data-status="awaiting_signoff"><h2>Sign-off: Awaiting sign-off</h2>');
    expect(html).toContain("Needs the credit committee (2 signatures of different people).");
    expect(html).toContain("Facility JPY 18,000,000,000, escalate recommendation, rating high.");
    expect(html).toContain("Requested by tanaka; the requester may not sign.");
    expect(html).toContain("No signature yet.");
  });

  it("lists who signed, in which role, when, what, under which conditions and why, and spells out an override (escaped)", async () => {
    const a = await escalated();
    const html = renderHtml(
      signed(a, { status: "approved_with_conditions", signatures: committee, conditions: [...a.conditions, "Parent guarantee before drawdown"] }),
      { generatedAt: at },
    );
    expect(html).toContain("<h2>Sign-off: Approved with conditions</h2>");
    expect(html).toContain(
      '<p class="override">approved with conditions against an escalate recommendation by sato (credit committee), reason: Hedging programme signed &lt;script&gt;',
    );
    expect(html).toContain(
      '<tr class="override"><td>sato</td><td>credit committee</td><td>2026-11-30 10:15:00 UTC</td><td>approve with conditions</td><td>Parent guarantee before drawdown</td>',
    );
    expect(html).toContain("<td>2026-11-30 11:40:00 +09:00</td>");
    expect(html).toContain("<li>Parent guarantee before drawdown</li>");
    expect(html).not.toContain(HOSTILE);
  });

  it("is in Japanese in a Japanese report, Markdown too, and says why an assessment was returned", async () => {
    const a = await escalated();
    const md = renderMarkdown(signed(a, { status: "approved_with_conditions", signatures: committee, conditions: ["Parent guarantee before drawdown"] }), {
      generatedAt: at,
      language: "ja",
    });
    expect(md).toContain("## 決裁: 条件付き承認");
    expect(md).toContain("sato（与信委員会）が推奨判定「上申」に反して条件付き承認。理由：Hedging programme signed");
    expect(md).toContain("| 署名者 | 権限 | 日時 | 決定 | 条件 | 理由 |");
    const returned = renderMarkdown(
      signed(a, {
        status: "returned",
        returnedReason: "Collateral valuation is two years old",
        signatures: [
          {
            name: "sato",
            role: "credit_committee",
            decision: "return",
            conditions: [],
            reason: "Collateral valuation is two years old",
            at: "2026-11-30T10:15:00Z",
            override: false,
          },
        ],
      }),
      { generatedAt: at },
    );
    expect(returned).toContain("## Sign-off: Returned");
    expect(returned).toContain("**Returned to the requester: Collateral valuation is two years old**");
  });
});
