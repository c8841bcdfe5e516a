import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../helpers/run-cli.js";

/** The subset of an assessment the fault tests compare and count. */
export interface AssessmentView {
  id: string;
  rating: string;
  decision: string;
  incomplete: boolean;
  findings: Array<{ ruleId: string; expert: string; severity: string; message: string; source?: string }>;
  missing: Array<{ kind: string; message: string }>;
  plan: { tasks: Array<{ expert: string; role: string }> };
  experts: Array<{ name: string; status: string; role: string; error?: { code: string }; modelUse?: { outcome: string; reason?: string } }>;
}

/** One output line of `kyocho batch`. */
export type BatchRecord = { id: string; assessment: AssessmentView } | { id: string; error: { code: string; message: string } };

/** What a fault test survived: every figure a reader needs to judge it. */
export interface Figures {
  items: number;
  /** Input ids with no output line. */
  lost: number;
  /** Output lines beyond the first for an id. */
  duplicated: number;
  /** `{ id, error }` lines. */
  errors: number;
  /** Assessments whose rating, decision, completeness, rule findings or missing evidence differ from the undisturbed run's. */
  differing: number;
  /** Approvals that should not be: incomplete, with a required expert failed or skipped, or where the undisturbed run did not approve. */
  wrongApprovals: number;
}

const APPROVALS = new Set(["approve", "approve_with_conditions"]);
export const isApproval = (decision: string) => APPROVALS.has(decision);
const DECISION_ORDER = ["approve", "approve_with_conditions", "escalate", "decline"];
/** True when `decision` is `escalate` or `decline`. */
export const atLeastEscalate = (decision: string) => DECISION_ORDER.indexOf(decision) >= DECISION_ORDER.indexOf("escalate");

/** The example deals shipped with kyocho (YAML), sorted. */
export function exampleCases(): string[] {
  const dir = join(REPO_ROOT, "examples", "cases");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Writes a JSONL batch of `count` lines cycling over `cases` (ids `<tag>-0` …): each line asks its case's
 * own question with the line number appended, so every line is a distinct assessment routed like the case.
 */
export function writeCaseBatch(path: string, count: number, tag: string, cases: string[] = exampleCases()): string[] {
  const ids: string[] = [];
  const lines = Array.from({ length: count }, (_, i) => {
    const caseFile = cases[i % cases.length]!;
    const question = /^question:\s*(.+)$/m.exec(readFileSync(caseFile, "utf8"))?.[1]?.trim() ?? "Can we lend?";
    const id = `${tag}-${i}`;
    ids.push(id);
    return JSON.stringify({ id, question: `${question} (${i})`, caseFile });
  });
  writeFileSync(path, `${lines.join("\n")}\n`);
  return ids;
}

/** An output file's lines, in file order (ids may repeat: that is what `duplicated` counts). */
export function readRecords(path: string): BatchRecord[] {
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as BatchRecord);
}

/** What the deterministic merge decided, rule by rule: the fields a fault must never change. */
export function essence(a: AssessmentView): string {
  return JSON.stringify({
    rating: a.rating,
    decision: a.decision,
    incomplete: a.incomplete,
    rules: a.findings.filter((f) => f.source !== "model").map((f) => [f.expert, f.ruleId, f.severity, f.message]),
    missing: a.missing.map((m) => m.kind),
    experts: a.experts.map((e) => [e.name, e.role, e.status]),
  });
}

/** True when an approval rests on incomplete evidence or a required expert that did not finish. */
export function approvesOnIncompleteEvidence(a: AssessmentView): boolean {
  return isApproval(a.decision) && (a.incomplete || a.experts.some((e) => e.role === "required" && e.status !== "ok"));
}

/** Counts the figures of a batch run against the ids asked and, optionally, an undisturbed run's output. */
export function batchFigures(ids: string[], records: BatchRecord[], reference?: Map<string, AssessmentView>): Figures {
  const seen = new Map<string, number>();
  for (const r of records) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
  let differing = 0;
  let wrongApprovals = 0;
  let errors = 0;
  const firsts = new Map<string, BatchRecord>();
  for (const r of records) if (!firsts.has(r.id)) firsts.set(r.id, r);
  for (const r of firsts.values()) {
    if ("error" in r) {
      errors++;
      continue;
    }
    const expected = reference?.get(r.id);
    if (expected && essence(expected) !== essence(r.assessment)) differing++;
    if (approvesOnIncompleteEvidence(r.assessment) || (expected && isApproval(r.assessment.decision) && !isApproval(expected.decision))) wrongApprovals++;
  }
  return {
    items: ids.length,
    lost: ids.filter((id) => !seen.has(id)).length,
    duplicated: [...seen.values()].reduce((n, c) => n + c - 1, 0),
    errors,
    differing,
    wrongApprovals,
  };
}

/** The assessments of an output file by id (the first line of each). */
export function assessmentsById(records: BatchRecord[]): Map<string, AssessmentView> {
  const out = new Map<string, AssessmentView>();
  for (const r of records) if ("assessment" in r && !out.has(r.id)) out.set(r.id, r.assessment);
  return out;
}

/** Prints a fault test's figure on one line, so the suite's output shows what was survived. */
export function printFigures(name: string, figures: Figures, extra: Record<string, string | number> = {}): void {
  const parts = Object.entries({ ...figures, ...extra }).map(([k, v]) => `${k} ${v}`);
  process.stdout.write(`[fault] ${name}: ${parts.join(", ")}\n`);
}
