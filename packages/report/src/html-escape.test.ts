import { describe, expect, it } from "vitest";
import { escapeHtml } from "./html-escape.js";
import { escapeMarkdown } from "./markdown-escape.js";

describe("escapeHtml", () => {
  it("escapes the five characters that can open markup or leave an attribute", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    expect(escapeHtml("株式会社さくら不動産")).toBe("株式会社さくら不動産");
    expect(escapeHtml(undefined)).toBe("");
    expect(escapeHtml(1.5)).toBe("1.5");
  });
});

describe("escapeMarkdown", () => {
  it("keeps HTML as text and a table row on one line", () => {
    expect(escapeMarkdown("A | B <script>x</script>\nC")).toBe("A \\| B &lt;script&gt;x&lt;/script&gt; C");
    expect(escapeMarkdown("*bold* _it_ `code` [link](x)")).toBe("\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x)");
    expect(escapeMarkdown("+200bp costs 7.8% (JPY 9.9bn)")).toBe("+200bp costs 7.8% (JPY 9.9bn)");
  });
});
