import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "kyocho-report-cli-"));
const ask = runCli(["ask", "--case", "examples/cases/acquisition-finance.yaml", "--json", "--quiet"]);
const assessmentFile = join(dir, "assessment.json");
writeFileSync(assessmentFile, ask.stdout);

describe("kyocho ask --html --md", () => {
  it("writes both reports beside the terminal output, creating their folder, and says so", () => {
    const html = join(dir, "ask", "report.html");
    const md = join(dir, "ask", "report.md");
    const r = runCli(["ask", "--case", "examples/cases/acquisition-finance.yaml", "--html", html, "--md", md]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Decision ESCALATE");
    expect(r.stderr).toMatch(new RegExp(`kyocho: wrote ${html.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\([\\d,]+ bytes\\)`));
    expect(readFileSync(html, "utf8")).toContain('data-decision="escalate"');
    expect(readFileSync(md, "utf8")).toMatch(/^# Risk assessment: Escalate/);
  });
});

describe("kyocho report", () => {
  it("renders a saved assessment to HTML and Markdown", () => {
    expect(ask.code, ask.stderr).toBe(0);
    const html = join(dir, "r.html");
    const md = join(dir, "r.md");
    const r = runCli(["report", assessmentFile, "--html", html, "--md", md, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(readFileSync(html, "utf8")).toContain('svg class="heat-map"');
    expect(readFileSync(md, "utf8")).toContain("## Risk heat map");
  });

  it("reads standard input with -, accepts a batch output line, and prints Markdown without --html or --md", () => {
    const line = JSON.stringify({ id: "q1", assessment: JSON.parse(ask.stdout) });
    const r = runCli(["report", "-", "--lang", "ja"], { input: line });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("# リスク審査: 上申 (リスク評価 高)");
  });

  it("refuses an invalid assessment with exit 2 and the path of the bad field", () => {
    const bad = JSON.parse(ask.stdout);
    bad.findings[0].severity = "severe";
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(bad));
    const r = runCli(["report", file, "--html", join(dir, "bad.html")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^kyocho: assessment .*bad\\.json: findings\\[0\\]\\.severity: `));
    expect(r.stderr.trim().split("\n")).toHaveLength(1);

    const missing = { ...JSON.parse(ask.stdout) };
    delete missing.decision;
    expect(runCli(["report", "-"], { input: JSON.stringify(missing) }).stderr).toMatch(/^kyocho: assessment \(stdin\): decision: /);
    expect(runCli(["report", "-"], { input: "{ not json" }).stderr).toMatch(/^kyocho: assessment \(stdin\): invalid JSON/);
    expect(runCli(["report", join(dir, "nope.json")]).stderr).toMatch(/nope\.json: file not found/);
    expect(runCli(["report", assessmentFile, "--lang", "fr"]).code).toBe(2);
  });
});
