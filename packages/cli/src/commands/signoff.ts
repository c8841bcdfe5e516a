import type { Command } from "commander";
import { UserInputError, type Assessment, type AuditSink } from "@kyocho/core";
import { AuditLog, loadModelConfig } from "@kyocho/models";
import { SIGNOFF_DECISIONS, type SignoffDecision, type SignoffRequestInput } from "@kyocho/core/assessment";
import { createCouncil } from "@kyocho/council";
import { cliLimits, resolveCouncil, type ResolvedCouncil } from "../cli-context.js";
import { openConfiguredSignoffStore, type OpenSignoffStore } from "../signoff-store.js";
import { formatSignoff } from "../output/format-signoff.js";
import { createStyle } from "../output/style.js";

interface SignoffOptions {
  as: string;
  role: string;
  decision: SignoffDecision;
  condition: string[];
  reason?: string;
  json?: boolean;
  policy?: string;
  council?: string;
  config?: string;
}

export function registerSignoff(program: Command, openStore: OpenSignoffStore = openConfiguredSignoffStore): void {
  program
    .command("signoff")
    .description("Sign an assessment awaiting sign-off (稟議): approve, approve with conditions, return or decline it")
    .argument("<id>", "the assessment id (as `kyocho ask` printed it)")
    .requiredOption("--as <name>", "who signs")
    .requiredOption("--role <role>", "the signer's authority: one of the policy's sign-off roles (e.g. credit_department)")
    .requiredOption("--decision <decision>", `${SIGNOFF_DECISIONS.join(" | ")}`, signoffDecision)
    .option(
      "--condition <text>",
      "a condition of approval (with approve_with_conditions; repeat for several)",
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .option("--reason <text>", "why: required to return, and to decide more leniently than the recommendation")
    .option("--json", "print the assessment after the signature as JSON")
    .option("--council <module>", "the council module the assessment was run with")
    .option("-p, --policy <file>", "the policy file the assessment was run with")
    .option("--config <file>", "model configuration whose audit log records the signature (also KYOCHO_CONFIG)")
    .addHelpText(
      "after",
      `
The assessment needs the authority its recommendation named (see \`kyocho ask\`). Refused, with nothing recorded:
a role below that authority, the requester signing, one person signing twice, approving a vetoed assessment,
and a decision more lenient than the recommendation without --reason.

Examples:
  kyocho signoff a-22f79afb10bd00e650ba --as sato --role credit_committee --decision approve_with_conditions \\
    --condition "Hedge 50% of the USD position before drawdown" --reason "Sponsor commitment letter received"
  kyocho signoff a-22f79afb10bd00e650ba --as suzuki --role credit_committee --decision return --reason "KYC of the target"

Exit codes: 0 signed, 2 refused or bad input (the message names the field), 1 internal error.`,
    )
    .action(async (id: string, options: SignoffOptions) => {
      const resolved = await resolveCouncil(options);
      const request: SignoffRequestInput = {
        name: options.as,
        role: options.role,
        decision: options.decision,
        conditions: options.condition,
        ...(options.reason !== undefined ? { reason: options.reason } : {}),
        at: new Date().toISOString(),
      };
      const assessment = await signAssessment({ id, request, council: resolved, openStore, audit: auditLogOf(options.config) });
      if (options.json) process.stdout.write(`${JSON.stringify(assessment, null, 2)}\n`);
      else process.stdout.write(formatSignoff(assessment, createStyle(process.stdout)));
    });
}

/**
 * Signs one stored assessment: the council is rebuilt around the store's
 * checkpointer (its `signoff` node applies the rules); the signature is
 * reserved in the store's record first (exactly one of two racing signers
 * gets it, the other is refused "already signed", exit 2), then
 * checkpointed, then the record takes the assessment. A refused request
 * throws a `SignoffRefusedError` (exit 2) before anything is written.
 */
export async function signAssessment(input: {
  id: string;
  request: SignoffRequestInput;
  council: ResolvedCouncil;
  openStore: OpenSignoffStore;
  audit?: AuditSink | undefined;
}): Promise<Assessment> {
  const store = await input.openStore();
  try {
    const council = createCouncil({ ...input.council, checkpointer: store.checkpointer, audit: input.audit, limits: cliLimits() });
    const assessment = await council.signoff(input.id, input.request, { reserve: (before, after) => store.reserveSignoff(before, after) });
    await store.recordSignoff(assessment);
    return assessment;
  } finally {
    await store.close();
  }
}

/** The audit log of the model configuration, when it enables one: the signature is audited as `ask` audits the assessment. No model is contacted. */
function auditLogOf(path: string | undefined): AuditSink | undefined {
  const config = loadModelConfig({ path });
  return config?.audit.enabled ? new AuditLog(config.audit) : undefined;
}

function signoffDecision(value: string): SignoffDecision {
  if ((SIGNOFF_DECISIONS as readonly string[]).includes(value)) return value as SignoffDecision;
  throw new UserInputError(`"${value}" is not a sign-off decision: use ${SIGNOFF_DECISIONS.join(", ")}`, { source: "--decision" });
}
