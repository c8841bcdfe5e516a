import { z } from "zod";
import type { Case } from "@kyocho/core";
import { parseCase } from "@kyocho/core";
import { UserInputError } from "@kyocho/core";
import { parseWith } from "@kyocho/core/validation";

/**
 * One line of a routing set (JSON Lines): a question, optionally a case
 * inline, and the experts a senior banker would consult for it.
 */
export const RoutingLineSchema = z.strictObject({
  id: z.string().trim().min(1),
  /** The question as a user would type it; `""` for a case-only line. */
  question: z.string(),
  /** The case, inline, as a case file would hold it (validated against the council's case schema). */
  case: z.unknown().optional(),
  /** The expected experts; at least one, no duplicates. */
  experts: z
    .array(z.string().trim().min(1))
    .min(1, "name at least one expert")
    .refine((names) => new Set(names).size === names.length, "lists an expert twice"),
});
export type RoutingLineInput = z.input<typeof RoutingLineSchema>;

/** A validated line of a routing set, with its 1-based line number. */
export interface RoutingItem {
  line: number;
  id: string;
  question: string;
  case: Case | undefined;
  experts: string[];
}

/** How {@link parseRoutingSet} validates what a line holds. */
export interface RoutingSetOptions {
  /** Names the set in error messages, e.g. `routing set examples/eval/routing.jsonl`. */
  source: string;
  /** The experts the council knows; an expected expert outside this list is refused. */
  knownExperts: Iterable<string>;
  /** Validates an inline case (default: the standard case schema). A council passes its own `parseCase`. */
  parseCase?: (raw: unknown, source: string) => Case;
}

/**
 * Parses a routing set: JSON Lines, one `{ id, question, case?, experts }`
 * per line, blank lines ignored. Every line is checked before anything is
 * planned; the first bad one is refused with a {@link UserInputError} naming
 * the line number and the field (`routing set x.jsonl line 7: experts[1]: unknown expert "compliance"`).
 *
 * @example
 * const items = parseRoutingSet(readFileSync(file, "utf8"), { source: `routing set ${file}`, knownExperts: ["lending", "legal", "fx", "markets"] });
 */
export function parseRoutingSet(text: string, options: RoutingSetOptions): RoutingItem[] {
  const known = new Set(options.knownExperts);
  const validateCase = options.parseCase ?? ((raw: unknown, source: string) => parseCase(raw, { source }));
  const firstLineOf = new Map<string, number>();
  const items: RoutingItem[] = [];

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const source = `${options.source} line ${line}`;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new UserInputError(`not valid JSON (${(error as Error).message})`, { source, code: "BAD_SYNTAX" });
    }
    const parsed = parseWith(RoutingLineSchema, value, { source });
    const first = firstLineOf.get(parsed.id);
    if (first !== undefined) throw new UserInputError(`duplicate id "${parsed.id}" (first on line ${first})`, { source, path: "id" });
    firstLineOf.set(parsed.id, line);
    parsed.experts.forEach((expert, i) => {
      if (!known.has(expert)) {
        throw new UserInputError(`unknown expert "${expert}" (known: ${[...known].sort().join(", ")})`, { source, path: `experts[${i}]` });
      }
    });
    const c = parsed.case === undefined ? undefined : validateCase(parsed.case, `${source}: case`);
    items.push({ line, id: parsed.id, question: parsed.question, case: c, experts: parsed.experts });
  });

  if (items.length === 0) throw new UserInputError("holds no lines", { source: options.source });
  return items;
}
