import type { Command } from "commander";
import { loadReferencePolicy } from "@kyocho/reference-council";
import { diffPolicies } from "@kyocho/whatif";
import { resolveCouncil } from "../cli-context.js";

interface PolicyDiffOptions {
  json?: boolean;
  council?: string;
}

export function registerPolicy(program: Command): void {
  const policy = program.command("policy").description("Work with policy files: what changed between two of them");
  policy
    .command("diff")
    .description("What changed from OLD to NEW, in words a risk officer reads (both validated first, as every command validates a policy)")
    .argument("<old>", "the policy in force (YAML or JSON); `reference` for the Reference Policy v2")
    .argument("<new>", "the candidate policy")
    .option("--json", "print the changes as JSON: [{ path, ruleId?, text }]")
    .option("--council <module>", "a module exporting your council: its experts validate their sections of both policies")
    .addHelpText(
      "after",
      `
Compares the two validated policies, not their text: comments, key order and defaults written out are
no change. Thresholds read "LEN-LEV high tier: above 6 → above 5.5", ratios as percentages, lists as
"sanctioned jurisdictions + PH". A policy that fails validation (including the invariants of Reference
Policy v2) is refused with the field path, exit 2.

Examples:
  kyocho policy diff councils/reference/policies/reference-v2.yaml examples/policies/tighter-leverage.yaml
  kyocho policy diff reference examples/policies/new-sanctioned-jurisdiction.yaml --json`,
    )
    .action(async (oldPath: string, newPath: string, options: PolicyDiffOptions) => {
      const before =
        oldPath === "reference"
          ? loadReferencePolicy()
          : (await resolveCouncil({ policy: oldPath, ...(options.council ? { council: options.council } : {}) })).policy;
      const after = (await resolveCouncil({ policy: newPath, ...(options.council ? { council: options.council } : {}) })).policy;
      const changes = diffPolicies(before, after);
      if (options.json) process.stdout.write(`${JSON.stringify(changes, null, 2)}\n`);
      else if (changes.length === 0) process.stdout.write("no change: the two policies validate to the same content\n");
      else process.stdout.write(changes.map((c) => `- ${c.text}\n`).join(""));
    });
}
