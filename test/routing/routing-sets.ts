import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { evaluateRouting, parseRoutingSet, type RoutingItem } from "@kyocho/eval";
import { createReferenceCouncil } from "@kyocho/reference-council";
import type { Council } from "@kyocho/council";

export const DEV_SET = fileURLToPath(new URL("../../examples/eval/routing.jsonl", import.meta.url));
export const HOLDOUT_SET = fileURLToPath(new URL("../../examples/eval/routing-holdout.jsonl", import.meta.url));

/** Reads a routing set against the reference council's experts and case schema. */
export function readRoutingSet(path: string, council: Council = createReferenceCouncil()): RoutingItem[] {
  return parseRoutingSet(readFileSync(path, "utf8"), {
    source: `routing set ${path}`,
    knownExperts: council.experts.map((e) => e.name),
    parseCase: (raw, source) => council.parseCase(raw, source),
  });
}

/** Scores the reference council's planner on a routing set. */
export async function evaluateSet(path: string, council: Council = createReferenceCouncil()) {
  return evaluateRouting(readRoutingSet(path, council), (question, c) => council.plan({ question, case: c }));
}
