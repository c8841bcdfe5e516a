import type { Policy } from "@kyocho/core";

/** One difference between two validated policies, said the way a risk officer reads it. */
export interface PolicyChange {
  /** Where in the policy, as a field path (`experts.lending.rules.LEN-LEV.tiers`). */
  path: string;
  /** The rule the change belongs to, when it is inside one (`LEN-LEV`). */
  ruleId?: string;
  /** `LEN-LEV high tier: above 6 → above 5.5`, `sanctioned jurisdictions + PH`. */
  text: string;
}

type Tier = { severity: string; above?: number; atLeast?: number; below?: number; atMost?: number };

/** Names a risk officer knows better than the field's camelCase. */
const LABELS: Readonly<Record<string, string>> = {
  minHedgeRatio: "minimum hedge ratio",
  sanctionedJurisdictions: "sanctioned jurisdictions",
  approvedGoverningLaws: "approved governing laws",
  screeningMaxAgeDays: "sanctions screening maximum age (days)",
  incompleteFloor: "floor for an incomplete assessment",
  dataGapSeverity: "DATA-GAP severity",
  dataConflictSeverity: "DATA-CONFLICT severity",
  tenorAboveYears: "tenor above (years)",
  longTenorAboveYears: "long tenor above (years)",
  nonPositiveEbitda: "severity when EBITDA ≤ 0",
  nonPositiveCfads: "severity when CFADS ≤ 0",
  materialityShareOfRevenue: "materiality (share of revenue)",
  toleranceShareOfNet: "tolerance (share of net position)",
  openShareOfNetAtLeast: "open share of net position at least",
  largestShareAbove: "largest issuer share above",
  upToAmount: "up to amount",
  upToDecision: "up to decision",
  upToRating: "up to rating",
};

/** Keys whose numbers are shares of one: shown as percentages (0.5 → 50%). */
const PERCENT_KEY = /(ratio|share|haircut|shock|tolerance|^vol)/i;
const PERCENT_PARENT = /^(haircuts|ccf)$/;

/**
 * What changed from `before` to `after`, walking the two validated policies
 * (never their text: comments, key order and written-out defaults are no
 * change). Threshold tiers are compared by severity (`LEN-LEV high tier:
 * above 6 → above 5.5`, a tier added or dropped), ratios are shown as
 * percentages, lists as `+ X` / `− Y`, texts as reworded. The order is the
 * policy's: merge, routing, model findings, sign-off, then each expert.
 *
 * @example
 * diffPolicies(reference, tighter).map((c) => c.text)
 * // ["policy id: reference-v2 → tighter-leverage", …, "LEN-LEV high tier: above 6 → above 5.5"]
 */
export function diffPolicies(before: Policy, after: Policy): PolicyChange[] {
  const changes: PolicyChange[] = [];
  walk(before, after, [], changes);
  return changes;
}

function walk(a: unknown, b: unknown, path: string[], out: PolicyChange[]): void {
  if (equal(a, b)) return;
  const key = path[path.length - 1] ?? "";
  const ruleId = ruleOf(path);
  const push = (text: string) => out.push({ path: path.join("."), ...(ruleId ? { ruleId } : {}), text });
  if (key === "tiers" && Array.isArray(a) && Array.isArray(b)) return diffTiers(a as Tier[], b as Tier[], push, label(path));
  if (isLocalized(a) && isLocalized(b)) {
    for (const lang of ["en", "ja"] as const) if (a[lang] !== b[lang]) push(`${label(path)} (${lang.toUpperCase()}) reworded: “${a[lang]}” → “${b[lang]}”`);
    return;
  }
  if (isPrimitiveList(a) && isPrimitiveList(b)) {
    const added = b.filter((x) => !a.includes(x));
    const removed = a.filter((x) => !b.includes(x));
    const parts = [...added.map((x) => `+ ${String(x)}`), ...removed.map((x) => `− ${String(x)}`)];
    push(parts.length > 0 ? `${label(path)} ${parts.join(", ")}` : `${label(path)} reordered`);
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) {
      if (!(k in b)) push(`${label([...path, k])} removed (was ${show(a[k], [...path, k])})`);
      else if (!(k in a)) push(`${label([...path, k])} added: ${show(b[k], [...path, k])}`);
      else walk(a[k], b[k], [...path, k], out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const p = [...path, String(i)];
      if (i >= b.length) push(`${label(p)} removed (was ${show(a[i], p)})`);
      else if (i >= a.length) push(`${label(p)} added: ${show(b[i], p)}`);
      else walk(a[i], b[i], p, out);
    }
    return;
  }
  if (a === undefined) push(`${label(path)} added: ${show(b, path)}`);
  else if (b === undefined) push(`${label(path)} removed (was ${show(a, path)})`);
  else push(`${label(path)}: ${show(a, path)} → ${show(b, path)}`);
}

/** Tiers matched by severity: a threshold moved, a tier added, a tier dropped. */
function diffTiers(a: Tier[], b: Tier[], push: (text: string) => void, name: string): void {
  const severities = [...new Set([...a.map((t) => t.severity), ...b.map((t) => t.severity)])];
  for (const severity of severities) {
    const was = a.filter((t) => t.severity === severity).map(threshold);
    const now = b.filter((t) => t.severity === severity).map(threshold);
    if (was.join() === now.join()) continue;
    if (was.length === 0) push(`${name} new ${severity} tier: ${now.join(" or ")}`);
    else if (now.length === 0) push(`${name} ${severity} tier dropped (was ${was.join(" or ")})`);
    else push(`${name} ${severity} tier: ${was.join(" or ")} → ${now.join(" or ")}`);
  }
}

/** `above 6`, `at least 10%`: a tier's comparison in words. */
export function threshold(t: Tier): string {
  if (t.above !== undefined) return `above ${num(t.above)}`;
  if (t.atLeast !== undefined) return `at least ${num(t.atLeast)}`;
  if (t.below !== undefined) return `below ${num(t.below)}`;
  return `at most ${num(t.atMost ?? Number.NaN)}`;
}

/** The field in words: the rule id and the field's name (`FX-HEDGE minimum hedge ratio`), else the path's words. */
function label(path: readonly string[]): string {
  const ruleAt = path.indexOf("rules");
  if (ruleAt >= 0 && path[ruleAt + 1]) {
    const rest = path.slice(ruleAt + 2);
    return [path[ruleAt + 1]!, ...rest.map(words)].join(" ").replace(/ tiers$/, "");
  }
  if (path.length === 1 && ["id", "name", "version"].includes(path[0]!)) return `policy ${path[0]}`;
  const inExpert = path[0] === "experts" ? path.slice(2) : path;
  const prefix = path[0] === "experts" && path[1] ? `${path[1]}: ` : "";
  return `${prefix}${inExpert.map(words).join(" ") || "policy"}`;
}

function words(key: string): string {
  if (/^\d+$/.test(key)) return `#${Number(key) + 1}`;
  return (
    LABELS[key] ??
    key
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .replace(/^policy /, "")
  );
}

function ruleOf(path: readonly string[]): string | undefined {
  const at = path.indexOf("rules");
  return at >= 0 ? path[at + 1] : undefined;
}

function show(value: unknown, path: readonly string[]): string {
  if (typeof value === "number") {
    const key = path[path.length - 1] ?? "";
    const parent = path[path.length - 2] ?? "";
    const percent = (PERCENT_KEY.test(key) || PERCENT_PARENT.test(parent)) && Math.abs(value) <= 1;
    return percent ? `${num(value * 100)}%` : num(value);
  }
  if (typeof value === "string") return value;
  if (isLocalized(value)) return `“${value.en}”`;
  if (Array.isArray(value) && isPrimitiveList(value)) return `[${value.join(", ")}]`;
  if (isObject(value) && "severity" in value && Array.isArray((value as { tiers?: unknown }).tiers) === false && "above" in value)
    return threshold(value as Tier);
  return JSON.stringify(value);
}

/** Numbers without floating-point noise: 0.6 * 100 is 60, not 60.00000000000001. */
function num(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isLocalized(v: unknown): v is { en: string; ja: string } {
  return isObject(v) && typeof v.en === "string" && typeof v.ja === "string" && Object.keys(v).length === 2;
}
function isPrimitiveList(v: unknown): v is Array<string | number | boolean> {
  return Array.isArray(v) && v.every((x) => typeof x !== "object" || x === null);
}
function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
