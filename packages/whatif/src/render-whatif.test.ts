import { describe, expect, it } from "vitest";
import type { ChangedCase } from "./case-comparison.js";
import { renderWhatIfHtml } from "./render-whatif-html.js";
import { renderWhatIfMarkdown } from "./render-whatif-markdown.js";
import { renderWhatIfText } from "./render-whatif-text.js";
import { WhatIfTally } from "./whatif-tally.js";
import type { WhatIfReport } from "./whatif-report.js";

const HOSTILE = `<script>alert("x")</script>|**`;
const policy = (id: string) => ({ id, name: id, sha256: id.padEnd(64, "0") });

function report(): WhatIfReport {
  const tally = new WhatIfTally({ before: policy("a"), after: policy("b") }, 10);
  const changed: ChangedCase = {
    id: HOSTILE,
    before: { decision: "approve", rating: "low", incomplete: false },
    after: { decision: "decline", rating: "critical", incomplete: false },
    firedBefore: [],
    firedAfter: ["LEG-SANC"],
    findingChanges: [{ ruleId: "LEG-SANC", kind: "appeared", to: "critical" }],
    beforeAssessmentId: "x1",
    afterAssessmentId: "x2",
  };
  tally.add(changed);
  tally.add({ ...changed, id: "same", after: changed.before, firedAfter: [], findingChanges: [] });
  return {
    changes: [{ path: "experts.legal.sanctionedJurisdictions", text: `legal: sanctioned jurisdictions + ${HOSTILE}` }],
    summary: tally.summary(),
    source: "test",
    generatedAt: "2026-11-30 00:00 UTC",
    link: (_c, side) => `w.cases/1.${side}.html`,
  };
}

describe("what-if reports", () => {
  it("HTML: one self-contained page; the matrix as a heat map; every case- or policy-derived string escaped; relative links only", () => {
    const html = renderWhatIfHtml(report());
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toMatch(/<link|<img|<iframe|@import|url\(/i);
    expect([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(["w.cases/1.before.html", "w.cases/1.after.html"]);
    // approve → decline is the only move: the one coloured cell off the diagonal.
    expect(html.match(/<td class="n" style="background:rgba\(197,48,48,0\.90\)[^"]*">1<\/td>/g)).toHaveLength(1);
    expect(html).toContain("no model was consulted");
  });

  it("Markdown and text: the moves and the changed case, with case text escaped in Markdown", () => {
    const md = renderWhatIfMarkdown(report());
    // Only the decisions that occur are columns: approve and decline.
    expect(md).toContain("| approve | 1 | **1** |");
    expect(md).toContain("\\<script\\>");
    expect(md).not.toContain("<script>");
    expect(md).toContain("Rating moves: low → critical: 1.");
    const text = renderWhatIfText(report());
    expect(text).toContain("approve → decline: 1");
    expect(text).toContain("LEG-SANC appeared (critical)");
  });
});
