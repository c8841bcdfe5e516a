import type { Assessment, Case, Decision, Finding, Policy, Rating, Severity } from "@kyocho/core";
import { compareSeverity } from "@kyocho/core/assessment";
import { toBase } from "@kyocho/core/case";
import { evaluateTiers, type Tier } from "@kyocho/core/policy";
import { threshold } from "./policy-diff.js";

/** A case's outcome under one policy: what the matrix counts. */
export interface Outcome {
  decision: Decision;
  rating: Rating;
  incomplete: boolean;
}

/** How one rule's finding moved between the two policies. */
export interface FindingChange {
  ruleId: string;
  kind: "appeared" | "disappeared" | "severity";
  from?: Severity;
  to?: Severity;
  /** The metric against the candidate's thresholds, when the rule has tiers: `LEN-LEV 2.33 now above 2 → medium`. */
  because?: string;
}

/** One case under both policies, reduced to what the what-if report needs. */
export interface CaseComparison {
  id: string | number;
  question?: string;
  before: Outcome;
  after: Outcome;
  /** Rule ids (rule findings only) that fire under each policy, each once. */
  firedBefore: string[];
  firedAfter: string[];
  findingChanges: FindingChange[];
  /** The facility amount in the bank's base currency; absent without a facility or a spot to convert it. */
  exposure?: { currency: string; amount: number };
  /** True when the facility could not be converted (no spot for its currency). */
  unconverted?: boolean;
}

/** A case whose decision, rating or completeness changed: listed in the report with both assessments' ids. */
export interface ChangedCase extends CaseComparison {
  beforeAssessmentId: string;
  afterAssessmentId: string;
}

/**
 * Compares one case's two assessments: outcomes, the rules that fire, how
 * each rule's finding moved (and the metric that crossed the candidate's
 * threshold), and the facility in the base currency for the
 * exposure-weighted view. Model findings are left out: the what-if runs
 * without models, and only the rules decide.
 */
export function compareAssessments(id: string | number, c: Case | undefined, before: Assessment, after: Assessment, candidate: Policy): CaseComparison {
  const was = worstByRule(before.findings);
  const now = worstByRule(after.findings);
  const findingChanges: FindingChange[] = [];
  for (const [ruleId, f] of now) {
    const old = was.get(ruleId);
    if (!old) findingChanges.push({ ruleId, kind: "appeared", to: f.severity, ...because(f, candidate, "now") });
    else if (old.severity !== f.severity)
      findingChanges.push({ ruleId, kind: "severity", from: old.severity, to: f.severity, ...because(f, candidate, "now") });
  }
  for (const [ruleId, f] of was) {
    if (!now.has(ruleId)) findingChanges.push({ ruleId, kind: "disappeared", from: f.severity, ...because(f, candidate, "no longer") });
  }
  const comparison: CaseComparison = {
    id,
    ...(before.question ? { question: before.question } : {}),
    before: outcome(before),
    after: outcome(after),
    firedBefore: [...was.keys()],
    firedAfter: [...now.keys()],
    findingChanges,
  };
  const facility = c?.facility;
  if (c && facility) {
    const amount = toBase(c, facility.amount, facility.currency);
    if (amount === undefined) comparison.unconverted = true;
    else comparison.exposure = { currency: c.bank.baseCurrency, amount };
  }
  return comparison;
}

/** True when the two outcomes differ in decision, rating or completeness. */
export function outcomeChanged(c: CaseComparison): boolean {
  return c.before.decision !== c.after.decision || c.before.rating !== c.after.rating || c.before.incomplete !== c.after.incomplete;
}

function outcome(a: Assessment): Outcome {
  return { decision: a.decision, rating: a.rating, incomplete: a.incomplete };
}

/** Each rule's most severe rule finding. */
function worstByRule(findings: readonly Finding[]): Map<string, Finding> {
  const worst = new Map<string, Finding>();
  for (const f of findings) {
    if (f.source === "model") continue;
    const known = worst.get(f.ruleId);
    if (!known || compareSeverity(f.severity, known.severity) > 0) worst.set(f.ruleId, f);
  }
  return worst;
}

/**
 * The metric of a finding against the candidate's tiers for its rule: `LEN-LEV
 * 2.33 now above 2 → medium`. For a finding that disappeared, the metric it
 * had no longer meets the candidate's tier for its old severity. Nothing
 * when the rule has no tiers in the candidate (a list, a yes/no rule): the
 * finding's own message says why.
 */
function because(f: Finding, candidate: Policy, word: "now" | "no longer"): { because?: string } {
  const tiers = rulePolicy(candidate, f.expert, f.ruleId)?.tiers as Tier[] | undefined;
  const values = Object.values(f.metrics).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (!Array.isArray(tiers) || values.length === 0) return {};
  for (const value of values) {
    if (word === "now") {
      const met = tiers.filter((t) => t.severity === f.severity && evaluateTiers(value, [t]) === f.severity);
      if (met[0]) return { because: `${f.ruleId} ${round(value)} now ${threshold(met[0])} → ${f.severity}` };
    } else if (evaluateTiers(value, tiers) === undefined) {
      const was = tiers.filter((t) => t.severity === f.severity).map(threshold);
      return { because: `${f.ruleId} ${round(value)} no longer ${was.join(" or ") || "meets any tier"}` };
    }
  }
  return {};
}

function rulePolicy(policy: Policy, expert: string, ruleId: string): Record<string, unknown> | undefined {
  const section = policy.experts[expert] as { rules?: Record<string, Record<string, unknown>> } | undefined;
  return section?.rules?.[ruleId];
}

function round(value: number): string {
  return String(Number(value.toFixed(Math.abs(value) >= 100 ? 0 : 2)));
}
