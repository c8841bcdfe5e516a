import type { Command } from "commander";
import { compareConfigurations, loadCaseSet, type ConfigurationResult, type EvalConfiguration } from "@kyocho/eval";
import { loadModelConfig, parseModelConfig } from "@kyocho/models";
import { loadPolicyFile, UserInputError } from "@kyocho/core";
import { createReferenceCouncil, loadReferencePolicy } from "@kyocho/reference-council";
import { embeddedConfiguration, modelConfigurations } from "../eval/eval-configurations.js";
import { formatCaseEvaluation, formatComparison } from "../output/format-case-evaluation.js";
import { createStyle } from "../output/style.js";

interface CasesOptions {
  json?: boolean;
  minAccuracy?: number;
  compare?: boolean;
  config?: string;
  compareEndpoint?: string;
  policy?: string;
}

/**
 * `kyocho eval cases DIR`: runs every case that has an expected-result file
 * and scores the council against them; `--compare` puts several
 * configurations side by side.
 */
export function registerEvalCases(group: Command): void {
  group
    .command("cases")
    .description("Run every case with an expected result and print per-rule precision/recall, decision and rating accuracy, response times")
    .argument("<dir>", "a folder of case files (YAML or JSON), each scored against its <name>.expected.json")
    .option("--json", "print the evaluation as JSON")
    .option("--min-accuracy <a>", "exit 1 when decision accuracy is below a (0..1); with --compare, in any configuration", ratio("--min-accuracy"))
    .option(
      "--compare",
      "run the set under several configurations side by side: embedded, and with a model: reasoning false/true × knowledge context with/without",
    )
    .option("--config <file>", "model configuration (also KYOCHO_CONFIG, KYOCHO_MODEL_BASE_URL): the experts' models")
    .option("--compare-endpoint <url>", "an OpenAI-compatible endpoint (e.g. a test endpoint) to compare against, instead of --config")
    .option("-p, --policy <file>", "policy file replacing the council's own (the reference council: Reference Policy v2)")
    .addHelpText(
      "after",
      `
A finding is right when its rule id, expert and severity all match an expected
one; precision = right / reported, recall = right / expected, per rule id.
Decision (and rating) accuracy = cases with exactly the expected decision
(rating) / cases. Response time is one whole assessment (plan, experts,
merge), measured case by case after one warm-up run. Every configuration
plans with the embedded planner (\`kyocho eval routing\` measures planners), so
differences come from the experts. "context" is whether the experts' models
are shown the passages retrieved from their knowledge documents.

Examples:
  kyocho eval cases examples/cases
  kyocho eval cases examples/cases --min-accuracy 0.9 --json
  kyocho eval cases examples/cases --compare --config examples/config/local-vllm.yaml

Exit codes: 0 scored (and the floor met), 1 decision accuracy below
--min-accuracy, 2 bad input (the message names the file and field).`,
    )
    .action(async (dir: string, options: CasesOptions) => {
      const policy = options.policy ? loadPolicyFile(options.policy) : loadReferencePolicy();
      // The configuration and endpoints are checked before any case runs.
      const config = options.compareEndpoint
        ? parseModelConfig({ models: { default: { baseURL: options.compareEndpoint } }, audit: { enabled: false } }, { source: "--compare-endpoint" })
        : loadModelConfig({ path: options.config });
      const parser = createReferenceCouncil({ policy });
      const cases = loadCaseSet(dir, { parseCase: (raw, source) => parser.parseCase(raw, source) });
      const scored = cases.filter((c) => c.expected);
      if (scored.length === 0) {
        throw new UserInputError("no case has an expected-result file (<name>.expected.json beside <name>.yaml)", { source: `case directory ${dir}` });
      }

      let configurations: EvalConfiguration[];
      if (options.compare) {
        configurations = [embeddedConfiguration(policy), ...(config ? modelConfigurations(config, policy, { arms: true }) : [])];
        if (!config) {
          process.stderr.write(
            "kyocho: --compare: no model configured (--config, KYOCHO_CONFIG, KYOCHO_MODEL_BASE_URL or --compare-endpoint): only the embedded configuration runs\n",
          );
        }
      } else {
        configurations = config ? modelConfigurations(config, policy, { arms: false }) : [embeddedConfiguration(policy)];
      }
      const rows = await compareConfigurations(cases, configurations);
      const failing = options.minAccuracy === undefined ? [] : rows.filter((r) => r.evaluation.decisionAccuracy < options.minAccuracy!);

      const style = createStyle(process.stdout);
      if (options.json) {
        const floors = options.minAccuracy !== undefined ? { decisionAccuracy: options.minAccuracy } : {};
        const body = options.compare
          ? { dir, configurations: rows.map(jsonRow), floors, passed: failing.length === 0 }
          : { dir, ...jsonRow(rows[0]!), floors, passed: failing.length === 0 };
        process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      } else if (options.compare) {
        process.stdout.write(formatComparison(dir, rows, style));
      } else {
        process.stdout.write(formatCaseEvaluation(dir, describe(rows[0]!), rows[0]!.evaluation, style));
      }
      for (const r of failing) {
        process.stderr.write(
          `kyocho: decision accuracy ${r.evaluation.decisionAccuracy.toFixed(3)}${rows.length > 1 ? ` (${describe(r)})` : ""} is below the floor ${options.minAccuracy} (--min-accuracy)\n`,
        );
      }
      if (failing.length > 0) process.exitCode = 1;
    });
}

function describe(r: ConfigurationResult): string {
  return r.reasoning === null ? r.name : `${r.name}, reasoning ${r.reasoning}, context ${r.context}`;
}

function jsonRow(r: ConfigurationResult) {
  return { configuration: r.name, reasoning: r.reasoning, context: r.context, ...r.evaluation };
}

/** A commander option parser for a ratio from 0 to 1; a bad value is a one-line input error naming the option. */
function ratio(option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) {
      throw new UserInputError(`"${value}" is not a number from 0 to 1 (e.g. 0.9)`, { source: option });
    }
    return n;
  };
}
