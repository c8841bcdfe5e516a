import { statedNumbers, type NumberReading, type StatedNumber } from "./stated-numbers.js";

/** Figures that need no source: nothing, one, all. */
const ALWAYS_GROUNDED = [0, 1, 100];

/**
 * The numbers a model was shown, so its answer can be checked against them:
 * every number in the given values (metrics, the case, rule findings, policy,
 * passages — numbers written inside their strings included), every list's
 * length (so "3 counterparties" is grounded), each also as a percentage
 * and as a decimal (0.45 ↔ 45).
 *
 * @example
 * const known = KnownNumbers.from({ metrics: { dscr: 1.3333 } }, { case: c });
 * known.covers(statedNumbers("DSCR 1.33x")[0]) // true
 */
export class KnownNumbers {
  private readonly values: number[];

  private constructor(values: Iterable<number>) {
    const all = new Set<number>();
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      const a = Math.abs(v);
      all
        .add(a)
        .add(a * 100)
        .add(a / 100);
    }
    this.values = [...all].sort((x, y) => x - y);
  }

  static from(...sources: unknown[]): KnownNumbers {
    const values: number[] = [...ALWAYS_GROUNDED];
    const walk = (value: unknown, depth: number): void => {
      if (depth > 20) return;
      if (typeof value === "number") values.push(value);
      else if (typeof value === "string") for (const n of statedNumbers(value)) values.push(...n.readings.map((r) => r.value));
      else if (Array.isArray(value)) {
        values.push(value.length);
        for (const item of value) walk(item, depth + 1);
      } else if (value !== null && typeof value === "object") for (const item of Object.values(value)) walk(item, depth + 1);
    };
    for (const source of sources) walk(source, 0);
    return new KnownNumbers(values);
  }

  /** True when some reading of `stated` is a known number, rounded or truncated to the places written. */
  covers(stated: StatedNumber): boolean {
    return stated.readings.some((reading) => this.coversReading(reading));
  }

  private coversReading({ value, unit }: NumberReading): boolean {
    const x = Math.abs(value);
    const epsilon = 1e-9 * Math.max(1, x);
    // Known values within one unit of the last written place: binary search to the window.
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.values[mid]! < x - unit - epsilon) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.values.length && this.values[i]! <= x + unit + epsilon; i++) {
      const k = this.values[i]!;
      if (Math.abs(k - x) <= unit / 2 + epsilon) return true; // rounded: 1.3333 → "1.33"
      // Truncated: 1.339 → "1.33". Strictly less than one unit above: 1.34 written as "1.33" is understated, not truncated.
      if (k >= x && k - x < unit - epsilon) return true;
    }
    return false;
  }
}

/** A place where a model's answer says something the data does not back. */
export interface GroundingViolation {
  /** Where in the answer: `findings[0].message`, `narrative`. */
  path: string;
  kind: "number" | "citation";
  /** What was stated: "12.5%", or the cited document and section. */
  stated: string;
}

/** The parts of an answer a grounding check reads. */
export interface CheckableAnswer {
  narrative?: string | undefined;
  findings: ReadonlyArray<{ title: string; message: string; citations?: ReadonlyArray<{ document: string; section: string }> }>;
}

/**
 * Checks that every number a model states — in its findings and its
 * narrative — is one it was shown (within rounding), and that every citation
 * is a document section it may cite. Returns the violations, none when the
 * answer is grounded.
 *
 * @example
 * const violations = checkGrounding(answer, known, (doc, section) => passages.some((p) => p.document === doc && p.section === section));
 * // [{ path: "findings[0].message", kind: "number", stated: "12.5%" }]
 */
export function checkGrounding(
  answer: CheckableAnswer,
  known: KnownNumbers,
  citable: (document: string, section: string) => boolean = () => true,
): GroundingViolation[] {
  const violations: GroundingViolation[] = [];
  const checkText = (path: string, text: string | undefined) => {
    for (const stated of statedNumbers(text ?? "")) {
      if (!known.covers(stated)) violations.push({ path, kind: "number", stated: stated.text });
    }
  };
  answer.findings.forEach((finding, i) => {
    checkText(`findings[${i}].title`, finding.title);
    checkText(`findings[${i}].message`, finding.message);
    finding.citations?.forEach((c, j) => {
      if (!citable(c.document, c.section))
        violations.push({ path: `findings[${i}].citations[${j}]`, kind: "citation", stated: `${c.document} § ${c.section}` });
    });
  });
  checkText("narrative", answer.narrative);
  return violations;
}

/**
 * The message that sends violations back to the model for its one retry.
 *
 * @example
 * groundingFeedback([{ path: "findings[0].message", kind: "number", stated: "12.5%" }])
 */
export function groundingFeedback(violations: readonly GroundingViolation[]): string {
  const numbers = violations.filter((v) => v.kind === "number");
  const citations = violations.filter((v) => v.kind === "citation");
  const parts: string[] = [];
  if (numbers.length > 0) {
    parts.push(
      `Your answer states numbers that are not in the data: ${numbers.map((v) => `"${v.stated}" (${v.path})`).join(", ")}. ` +
        "Use only numbers that appear in the data blocks, as written there or rounded; do not calculate or estimate new ones.",
    );
  }
  if (citations.length > 0) {
    parts.push(`Your answer cites sections that were not given: ${citations.map((v) => `${v.stated} (${v.path})`).join(", ")}. Cite only the passages given.`);
  }
  parts.push("Reply again with only the corrected JSON object.");
  return parts.join(" ");
}

/** A short description of violations, for notes and audit lines. */
export function describeViolations(violations: readonly GroundingViolation[]): string {
  const shown = violations.slice(0, 5).map((v) => (v.kind === "number" ? `"${v.stated}" in ${v.path}` : `citation ${v.stated}`));
  return `${shown.join(", ")}${violations.length > 5 ? ` and ${violations.length - 5} more` : ""}`;
}
