import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../helpers/run-cli.js";

/**
 * End to end over the shipped example cases: each `examples/cases/<name>.yaml`
 * with a `<name>.expected.json` runs through the built `kyocho ask --json`,
 * and the assessment is compared with the expected file. The expected files
 * were computed by hand from Reference Policy v2 (`councils/reference/policies/reference-v2.yaml`
 * and what it decides, `reference-v2.md`), not by running kyocho, so a
 * disagreement is a finding about one side or the other. Every case fixes its
 * `asOf`, so no result depends on the day the test runs.
 */

type Severity = "info" | "low" | "medium" | "high" | "critical";

interface ExpectedFinding {
  ruleId: string;
  expert: string;
  severity: Severity;
}

interface Expected {
  rating: string;
  decision: string;
  incomplete: boolean;
  findings: ExpectedFinding[];
  experts: Record<string, "ok" | "failed" | "skipped">;
  dependsOn?: Record<string, string[]>;
  metrics: Record<string, number>;
}

interface Assessment {
  rating: string;
  decision: string;
  incomplete: boolean;
  vetoes: Array<{ ruleId: string; expert: string; title: string; message: string }>;
  findings: Array<ExpectedFinding & { metrics?: Record<string, unknown>; citations?: Array<{ document?: string; section?: string }> }>;
  conditions: string[];
  plan: { tasks: Array<{ id: string; expert: string; dependsOn: string[] }> };
  experts: Array<{ name: string; status: string; metrics?: Record<string, number | null> }>;
}

/** Every rule id of Reference Policy v2, plus the data-gap and data-conflict findings. */
const RULE_IDS = [
  "LEN-LEV",
  "LEN-DSCR",
  "LEN-ICR",
  "LEN-BALLOON",
  "LEN-LTV",
  "LEN-TENOR",
  "LEN-FXDSCR",
  "LEG-SANC",
  "LEG-SANC-MATCH",
  "LEG-ASF",
  "LEG-KYC",
  "LEG-KYC-REFRESH",
  "LEG-PEP",
  "LEG-LEX",
  "LEG-CLAUSE-SANC",
  "LEG-CLAUSE-COC",
  "LEG-CLAUSE-ASF",
  "LEG-LAW",
  "FX-HEDGE",
  "FX-OVERHEDGE",
  "FX-STRESS",
  "FX-VOL",
  "MKT-RATE",
  "MKT-CONC",
  "MKT-LIQ",
  "DATA-GAP",
  "DATA-CONFLICT",
] as const;
const EVIDENCE_IDS = new Set<string>(["DATA-GAP", "DATA-CONFLICT"]);
const POLICY_RULE_IDS = new Set<string>(RULE_IDS.filter((id) => !EVIDENCE_IDS.has(id)));
/** The rules that decline a deal on their own (sanctions, 反社), whatever the rating. */
const VETO_IDS = new Set<string>(["LEG-SANC", "LEG-ASF"]);
const APPROVALS = new Set<string>(["approve", "approve_with_conditions"]);
const SEVERITIES: Severity[] = ["info", "low", "medium", "high", "critical"];
const atLeastMedium = (s: string) => SEVERITIES.indexOf(s as Severity) >= SEVERITIES.indexOf("medium");

const CASES_DIR = join(REPO_ROOT, "examples", "cases");
const caseFiles = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith(".yaml"))
  .sort();
const cases = caseFiles
  .map((f) => f.slice(0, -".yaml".length))
  .filter((name) => existsSync(join(CASES_DIR, `${name}.expected.json`)))
  .sort();

/**
 * The conditions the policy recommends, by rule id (to check the merge kept them). The policy carries
 * each condition as `{ en, ja }` (or a plain English string); the assessment's `conditions` list the
 * English form, the Japanese one travels with each finding for Japanese reports.
 */
type PolicyText = string | { en: string; ja: string };
const policy = parseYaml(readFileSync(join(REPO_ROOT, "councils", "reference", "policies", "reference-v2.yaml"), "utf8")) as {
  experts: Record<string, { rules: Record<string, { condition?: PolicyText }> }>;
};
const conditionOf = new Map<string, string>();
for (const section of Object.values(policy.experts)) {
  for (const [id, rule] of Object.entries(section.rules)) {
    if (rule.condition) conditionOf.set(id, typeof rule.condition === "string" ? rule.condition : rule.condition.en);
  }
}

const readExpected = (name: string) => JSON.parse(readFileSync(join(CASES_DIR, `${name}.expected.json`), "utf8")) as Expected;
const readCase = (name: string) => parseYaml(readFileSync(join(CASES_DIR, `${name}.yaml`), "utf8")) as Record<string, unknown>;
const has = (expected: Expected, ids: ReadonlySet<string>) => expected.findings.some((f) => ids.has(f.ruleId));

const runs = new Map<string, Assessment>();
/** Runs a case once through the CLI and caches the parsed assessment. */
function assess(name: string): Assessment {
  const cached = runs.get(name);
  if (cached) return cached;
  const r = runCli(["ask", "--case", join("examples", "cases", `${name}.yaml`), "--json", "--quiet"]);
  expect(r.code, `exit code of ${name}; stderr: ${r.stderr}`).toBe(0);
  const assessment = JSON.parse(r.stdout) as Assessment;
  runs.set(name, assessment);
  return assessment;
}

const key = (f: ExpectedFinding) => `${f.ruleId} | ${f.expert} | ${f.severity}`;
const findingSet = (fs: ExpectedFinding[]) => [...new Set(fs.map(key))].sort();

function expectClose(actual: number | null | undefined, expected: number, label: string) {
  expect(actual, `${label}: missing`).toEqual(expect.any(Number));
  const tolerance = 1e-3 * Math.abs(expected) + 1e-9;
  expect(Math.abs((actual as number) - expected), `${label}: expected ${expected}, got ${actual}`).toBeLessThanOrEqual(tolerance);
}

describe("example cases end to end (kyocho ask --json)", () => {
  it("ships at least ten cases with expected results, among them the routes by which v1 approved sanctioned deals", () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(cases).toContain("acquisition-finance");
    expect(cases).toContain("ringi-ja");
    // Reference Policy v2, part 1: a borrower-only case, a borrower with two countries, unscreened counterparties.
    expect(cases).toContain("sanctions-borrower-only");
    expect(cases).toContain("sanctions-country-conflict");
    expect(cases).toContain("unscreened-counterparties");
  });

  it.each(caseFiles)("%s is a case file of format v2 (schemaVersion: 2)", (file) => {
    const raw = parseYaml(readFileSync(join(CASES_DIR, file), "utf8")) as Record<string, unknown>;
    expect(raw.schemaVersion, `${file} must say schemaVersion: 2 (convert with kyocho migrate case)`).toBe(2);
  });

  it.each(cases)("%s fixes its asOf, so evidence ages against a date that never moves", (name) => {
    expect(readCase(name).asOf, `${name}.yaml has no asOf`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each(cases)("%s", (name) => {
    const expected = readExpected(name);
    const a = assess(name);

    expect({ rating: a.rating, decision: a.decision, incomplete: a.incomplete }).toEqual({
      rating: expected.rating,
      decision: expected.decision,
      incomplete: expected.incomplete,
    });

    // The finding set (rule id, expert, severity), order-insensitive.
    expect(findingSet(a.findings)).toEqual(findingSet(expected.findings));

    // Exactly the experts in the plan, with their statuses.
    const statuses = Object.fromEntries(a.experts.map((e) => [e.name, e.status]));
    expect(statuses).toEqual(expected.experts);
    expect(a.plan.tasks.map((t) => t.expert).sort()).toEqual(Object.keys(expected.experts).sort());

    // Dependencies: exactly those listed; every other task depends on nothing.
    const deps = Object.fromEntries(a.plan.tasks.filter((t) => t.dependsOn.length > 0).map((t) => [t.expert, [...t.dependsOn].sort()]));
    const expectedDeps = Object.fromEntries(Object.entries(expected.dependsOn ?? {}).map(([expert, on]) => [expert, [...on].sort()]));
    expect(deps).toEqual(expectedDeps);

    // Key computed values, within 1e-3 relative.
    for (const [path, value] of Object.entries(expected.metrics)) {
      const dot = path.indexOf(".");
      const expertName = path.slice(0, dot);
      const metric = path.slice(dot + 1);
      const expert = a.experts.find((e) => e.name === expertName);
      expect(expert, `${path}: expert ${expertName} not in the assessment`).toBeDefined();
      expectClose(expert?.metrics?.[metric], value, path);
    }

    // Every medium-or-higher finding from a policy rule cites a document and section.
    for (const f of a.findings.filter((f) => POLICY_RULE_IDS.has(f.ruleId) && atLeastMedium(f.severity))) {
      const cited = (f.citations ?? []).filter((c) => typeof c.document === "string" && c.document && typeof c.section === "string" && c.section);
      expect(cited.length, `${f.ruleId} (${f.expert}) has no citation`).toBeGreaterThan(0);
    }

    // Conditions: no duplicates, and the condition of every medium-or-higher rule finding is there.
    expect(new Set(a.conditions).size, `duplicate conditions: ${JSON.stringify(a.conditions)}`).toBe(a.conditions.length);
    for (const f of expected.findings.filter((f) => POLICY_RULE_IDS.has(f.ruleId) && atLeastMedium(f.severity))) {
      expect(a.conditions, `condition of ${f.ruleId}`).toContain(conditionOf.get(f.ruleId));
    }
  });

  it.each(cases)("%s: a sanctions or 反社 finding is a veto that declines; no veto without one", (name) => {
    const expected = readExpected(name);
    const a = assess(name);
    expect(a.vetoes, "the assessment's vetoes").toEqual(expect.any(Array));
    const vetoed = new Set(a.vetoes.map((v) => v.ruleId));
    const expectedVetoes = new Set(expected.findings.filter((f) => VETO_IDS.has(f.ruleId)).map((f) => f.ruleId));
    for (const id of expectedVetoes) {
      expect(vetoed.has(id), `${id} missing from vetoes ${JSON.stringify(a.vetoes)}`).toBe(true);
    }
    expect([...vetoed].sort(), "vetoes beyond the expected veto findings").toEqual([...expectedVetoes].sort());
    if (expectedVetoes.size > 0) {
      expect(expected.decision, "the expected file itself").toBe("decline");
      expect(a.decision).toBe("decline");
    }
  });

  it.each(cases)("%s: a data gap or conflict is never an approval", (name) => {
    const expected = readExpected(name);
    const a = assess(name);
    const actualEvidence = a.findings.some((f) => EVIDENCE_IDS.has(f.ruleId));
    if (has(expected, EVIDENCE_IDS)) {
      expect(APPROVALS.has(expected.decision), "the expected file itself").toBe(false);
      expect(expected.incomplete, "the expected file itself").toBe(true);
    }
    if (has(expected, EVIDENCE_IDS) || actualEvidence) {
      expect(APPROVALS.has(a.decision), `${name} is ${a.decision} with a DATA-GAP or DATA-CONFLICT`).toBe(false);
      expect(a.incomplete).toBe(true);
    }
  });

  it("the cases together fire every rule id", () => {
    const fired = new Set<string>();
    for (const name of cases) for (const f of assess(name).findings) fired.add(f.ruleId);
    const missing = RULE_IDS.filter((id) => !fired.has(id));
    expect(missing, `rule ids no case fires: ${missing.join(", ")}`).toEqual([]);
  });

  it("the expected files alone cover every rule id (the oracle is complete)", () => {
    const listed = new Set<string>();
    for (const name of cases) for (const f of readExpected(name).findings) listed.add(f.ruleId);
    expect(RULE_IDS.filter((id) => !listed.has(id))).toEqual([]);
  });
});
