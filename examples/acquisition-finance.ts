/**
 * Workflow 1 — cross-border acquisition finance. A Japanese manufacturer
 * borrows USD 120m to buy a US components maker: the lending, legal and FX
 * experts are consulted, and lending runs after FX because the borrower's
 * debt service coverage is stressed with the FX expert's one-year loss on the
 * borrower's open currency positions (fxLoss).
 *
 *   npm run example:acquisition          # or: npx tsx examples/acquisition-finance.ts [--out DIR]
 *
 * Writes out/acquisition-finance.{html,md,json}.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createStyle, formatAssessment } from "@kyocho/cli";
import { writeReports } from "@kyocho/report";
import { loadCaseFile } from "@kyocho/core";
import { createReferenceCouncil } from "@kyocho/reference-council";
import { exampleArgs, shown } from "./support/example-args.js";

const { outDir } = exampleArgs();
const council = createReferenceCouncil();
const deal = loadCaseFile(fileURLToPath(new URL("./cases/acquisition-finance.yaml", import.meta.url)));

// Watch the plan run: fx and legal start at once, lending waits for fx.
const assessment = await council.assess(
  { question: deal.question, case: deal },
  { onEvent: (e) => e.type === "expert_finished" && console.error(`  ✓ ${e.expert} (${e.findings} finding(s))`) },
);
process.stdout.write(formatAssessment(assessment, createStyle(process.stdout)));

const base = join(outDir, "acquisition-finance");
for (const w of writeReports(assessment, { html: `${base}.html`, md: `${base}.md` })) console.log(`wrote ${shown(w.path)} (${w.bytes} bytes)`);
writeFileSync(`${base}.json`, `${JSON.stringify(assessment, null, 2)}\n`);
console.log(`wrote ${shown(`${base}.json`)} (the assessment: \`npx kyocho report ${shown(`${base}.json`)} --html report.html\` renders it again)`);
