/**
 * Workflow 2 — a yen-funded USD bond underwriting with a markets book. The
 * bank is joint lead manager of a five-year USD 300m bond of a Japanese
 * utility and keeps the unplaced bonds in its underwriting book, funded in
 * yen through a cross-currency swap. No loan: the markets (rate sensitivity,
 * issuer concentration, liquidity — the USD bonds valued in yen at spot) and
 * legal (counterparties, the underwriting agreement) experts answer; the FX
 * expert, which measures a borrower's currency mismatch, advises only (the
 * question speaks of dollars and a swap) and, with no borrower financials,
 * says what it would need (DATA-NEEDED, info).
 *
 *   npm run example:bond          # or: npx tsx examples/usd-bond-underwriting.ts [--out DIR]
 *
 * Writes out/usd-bond-underwriting.{html,md,json}.
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
const deal = loadCaseFile(fileURLToPath(new URL("./cases/usd-bond-underwriting.yaml", import.meta.url)));

// The plan first: which experts the question and the case call for, and why.
const plan = await council.plan({ question: deal.question, case: deal });
console.log(`plan: ${plan.tasks.map((t) => `${t.expert} (${t.role})`).join(", ")}`);

const assessment = await council.assess({ question: deal.question, case: deal, plan });
process.stdout.write(formatAssessment(assessment, createStyle(process.stdout)));

const base = join(outDir, "usd-bond-underwriting");
for (const w of writeReports(assessment, { html: `${base}.html`, md: `${base}.md` })) console.log(`wrote ${shown(w.path)} (${w.bytes} bytes)`);
writeFileSync(`${base}.json`, `${JSON.stringify(assessment, null, 2)}\n`);
console.log(`wrote ${shown(`${base}.json`)}`);
