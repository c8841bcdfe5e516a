import type { Command } from "commander";
import { evaluateRouting, parseRoutingSet, type RoutingEvaluation } from "@kyocho/eval";
import { readTextFile } from "@kyocho/core/validation";
import { UserInputError } from "@kyocho/core";
import { councilFromOptions } from "../cli-context.js";
import { formatRoutingEvaluation } from "../output/format-routing-evaluation.js";
import { registerEvalCases } from "./eval-cases.js";
import { createStyle } from "../output/style.js";

interface RoutingOptions {
  json?: boolean;
  minRecall?: number;
  minPrecision?: number;
  policy?: string;
  council?: string;
}

/** A failed floor: which figure, its value and the floor it missed. */
export interface FloorFailure {
  metric: "precision" | "recall";
  value: number;
  floor: number;
}

/**
 * `kyocho eval`: measurements of the council. `eval routing FILE.jsonl`
 * scores the planner against a routing set; further sub-commands (`eval
 * cases`) hang off the same group.
 */
export function registerEval(program: Command): void {
  const group = program
    .command("eval")
    .description("Measure the council against a labelled set (routing: which experts each question needs; cases: the expected results of example deals)");

  group
    .command("routing")
    .description("Plan every line of a routing set and print precision, recall and the misses")
    .argument("<file>", "JSON Lines, one { id, question, case?, experts: [...] } per line")
    .option("--json", "print the evaluation as JSON")
    .option("--min-recall <r>", "exit 1 when recall is below r (0..1)", ratio("--min-recall"))
    .option("--min-precision <p>", "exit 1 when precision is below p (0..1)", ratio("--min-precision"))
    .option(
      "--council <module>",
      "a module exporting your council (export default defineCouncil({ experts, policy })): its experts instead of the reference four",
    )
    .option("-p, --policy <file>", "policy file replacing the council's own (the reference council: Reference Policy v2)")
    .addHelpText(
      "after",
      `
Precision and recall are micro-averaged over (line, expert) pairs: precision =
correctly routed pairs / routed pairs, recall = correctly routed pairs / expected
pairs. Advisory and required experts both count as routed.

Examples:
  kyocho eval routing examples/eval/routing.jsonl
  kyocho eval routing examples/eval/routing.jsonl --json --min-recall 0.95 --min-precision 0.9

Exit codes: 0 scored (and every floor given met), 1 a floor not met, 2 a bad line
(the message names the line number and the field).`,
    )
    .action(async (file: string, options: RoutingOptions) => {
      const council = await councilFromOptions(options);
      const source = `routing set ${file}`;
      const items = parseRoutingSet(readTextFile(file, source), {
        source,
        knownExperts: council.experts.map((e) => e.name),
        parseCase: (raw, where) => council.parseCase(raw, where),
      });
      const evaluation = await evaluateRouting(items, (question, c) => council.plan({ question, case: c }));
      const failures = floorFailures(evaluation, options);
      if (options.json) {
        const floors = {
          ...(options.minPrecision !== undefined ? { precision: options.minPrecision } : {}),
          ...(options.minRecall !== undefined ? { recall: options.minRecall } : {}),
        };
        process.stdout.write(`${JSON.stringify({ file, ...evaluation, floors, passed: failures.length === 0 }, null, 2)}\n`);
      } else {
        process.stdout.write(formatRoutingEvaluation(file, evaluation, createStyle(process.stdout)));
      }
      for (const f of failures) {
        process.stderr.write(`kyocho: ${f.metric} ${f.value.toFixed(3)} is below the floor ${f.floor} (--min-${f.metric})\n`);
      }
      if (failures.length > 0) process.exitCode = 1;
    });

  registerEvalCases(group);
}

/** The floors a routing evaluation does not meet. */
export function floorFailures(
  evaluation: Pick<RoutingEvaluation, "precision" | "recall">,
  floors: { minPrecision?: number | undefined; minRecall?: number | undefined },
): FloorFailure[] {
  const out: FloorFailure[] = [];
  if (floors.minPrecision !== undefined && evaluation.precision < floors.minPrecision) {
    out.push({ metric: "precision", value: evaluation.precision, floor: floors.minPrecision });
  }
  if (floors.minRecall !== undefined && evaluation.recall < floors.minRecall) {
    out.push({ metric: "recall", value: evaluation.recall, floor: floors.minRecall });
  }
  return out;
}

/** A commander option parser for a ratio from 0 to 1; a bad value is a one-line input error naming the option. */
function ratio(option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) {
      throw new UserInputError(`"${value}" is not a number from 0 to 1 (e.g. 0.95)`, { source: option });
    }
    return n;
  };
}
