/**
 * What a developer's application does with the installed packages: compose
 * the reference experts with one of its own, assess a case and print the
 * decision and the findings. Exits 1 when the custom expert's finding is
 * missing. Usage: node program.js CASE.yaml
 */
import { readDataFile } from "@kyocho/core/validation";
import { createCouncil } from "@kyocho/council";
import council, { CONCENTRATION_RULE_ID } from "./concentration-council.js";

const casePath = process.argv[2];
if (!casePath) {
  process.stderr.write("usage: node program.js CASE.yaml\n");
  process.exit(2);
}

const composed = createCouncil({ experts: council.experts, policy: council.policy! });
const raw = readDataFile(casePath, "case file") as { question?: string };
const assessment = await composed.assess({ question: raw.question, case: composed.parseCase(raw, casePath) });

console.log(`decision: ${assessment.decision} (${assessment.rating})`);
for (const f of assessment.findings) console.log(`  ${f.severity.padEnd(8)} ${f.ruleId.padEnd(16)} ${f.expert.padEnd(14)} ${f.message}`);
console.log(`experts: ${assessment.experts.map((e) => `${e.name}=${e.status}`).join(", ")}`);

if (!assessment.findings.some((f) => f.ruleId === CONCENTRATION_RULE_ID && f.expert === "concentration")) {
  process.stderr.write(`the custom expert's finding ${CONCENTRATION_RULE_ID} is missing\n`);
  process.exitCode = 1;
}
